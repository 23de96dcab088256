#!/usr/bin/env node
// confab-server: run the server, print an invite link, or list every setting.
//   confab-server [--config settings.json] [--dev]
//   confab-server invite --room R --role host|guest [--name N] [--ttl 1h] [--single-use] [--lobby]
//   confab-server --help
import { parseArgs } from 'node:util';
import { helpText, loadConfig } from './config.js';
import { seconds, signInvite } from './invites.js';
import { closeOnSignals, readConfigFile, startServer } from './main.js';
import { validateName, validateRoom } from './names.js';

async function invite(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      room: { type: 'string' },
      role: { type: 'string', default: 'guest' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      'single-use': { type: 'boolean', default: false },
      lobby: { type: 'boolean', default: false },
      config: { type: 'string' },
    },
  });
  const room = validateRoom(values.room);
  if (!room.ok) throw new Error(`--room: ${room.error}`);
  if (values.role !== 'host' && values.role !== 'guest') throw new Error('--role must be host or guest');
  if (values.name !== undefined) {
    const name = validateName(values.name);
    if (!name.ok) throw new Error(`--name: ${name.error}`);
  }
  const { config } = loadConfig(process.env, readConfigFile(values.config));
  if (!config.inviteSecret || config.inviteSecret.length < 32)
    throw new Error('CONFAB_INVITE_SECRET (32 characters or more) is needed to sign invites');
  const token = await signInvite(config.inviteSecret, {
    room: room.value,
    role: values.role,
    ttlSeconds: seconds(values.ttl),
    singleUse: values['single-use'],
    lobby: values.lobby,
    ...(values.name ? { name: values.name } : {}),
  });
  const base = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
  // The invite travels in the fragment: never sent to a server, never in a log or a Referer.
  process.stdout.write(`${new URL('embed.html', base.endsWith('/') ? base : `${base}/`).href}#invite=${token}\n`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(helpText());
  if (argv[0] === 'invite') return invite(argv.slice(1));
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, dev: { type: 'boolean', default: false } } });
  const server = await startServer({ file: readConfigFile(values.config), dev: values.dev });
  closeOnSignals(server);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
