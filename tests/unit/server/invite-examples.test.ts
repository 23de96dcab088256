// embed.md's invite examples for a site's backend, run as written: the Node one (jose) and the
// Python one (standard library), each with the Confab server accepting what it signed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { verifyInvite } from '../../../server/invites.js';

const root = new URL('../../../', import.meta.url).pathname;
const SECRET = 'an-invite-secret-of-at-least-32-characters';
const example = (tag: string) => {
  const found = new RegExp('```' + tag + '\\n([\\s\\S]*?)```').exec(readFileSync(join(root, 'embed.md'), 'utf8'));
  if (!found?.[1]) throw new Error(`embed.md lacks the ${tag} example`);
  return found[1];
};
const inviteOf = (link: string) => {
  expect(link).toMatch(/^https:\/\/meet\.example\.com\/embed\.html#invite=/);
  return link.slice(link.indexOf('#invite=') + '#invite='.length);
};

test('the Node example signs an invite the server accepts', async () => {
  const dir = join(root, 'test-results', 'invite-examples');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'invite.mjs'), example('js invite-node'));
  process.env.CONFAB_INVITE_SECRET = SECRET;
  const { inviteLink } = (await import(join(dir, 'invite.mjs'))) as {
    inviteLink: (o: { room: string; role: string; name?: string }) => Promise<string>;
  };
  const checked = await verifyInvite(SECRET, inviteOf(await inviteLink({ room: 'standup', role: 'host', name: 'Ada' })));
  expect(checked).toMatchObject({ ok: true, invite: { room: 'standup', role: 'host', name: 'Ada' } });
  expect(checked.ok && checked.invite.jti).toBeTruthy();
});

test('the Python example signs an invite the server accepts', async () => {
  const script = `${example('python invite-python')}\nprint(invite_link("standup", "guest", "Grace"))\n`;
  const link = execFileSync('python3', ['-c', script], { env: { ...process.env, CONFAB_INVITE_SECRET: SECRET }, encoding: 'utf8' }).trim();
  const checked = await verifyInvite(SECRET, inviteOf(link));
  expect(checked).toMatchObject({ ok: true, invite: { room: 'standup', role: 'guest', name: 'Grace' } });
  // Signed with another secret, the same code's invite is refused.
  const forged = execFileSync('python3', ['-c', script], {
    env: { ...process.env, CONFAB_INVITE_SECRET: 'x'.repeat(40) },
    encoding: 'utf8',
  }).trim();
  expect((await verifyInvite(SECRET, inviteOf(forged))).ok).toBe(false);
});
