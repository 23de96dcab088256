import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { handleTokenRequest, makeIdentity, validateName, validateRoom } from '../../../scripts/lib/token.mjs';

const deployment = { apiKey: 'devkey', apiSecret: 'secret', serverUrl: 'ws://127.0.0.1:7880' };

describe('token endpoint', () => {
  it('mints a token for the room with a unique identity and a TTL of at most 10 minutes', async () => {
    const res = await handleTokenRequest(deployment, new URLSearchParams({ room: 'standup', name: 'Ada' }));
    expect(res.status).toBe(200);
    expect(res.body.serverUrl).toBe('ws://127.0.0.1:7880');
    const claims = decodeJwt(String(res.body.token));
    expect(claims.name).toBe('Ada');
    expect(claims.video).toMatchObject({ room: 'standup', roomJoin: true, canPublish: true, canSubscribe: true });
    expect((claims.exp ?? 0) - (claims.nbf ?? claims.iat ?? 0)).toBeLessThanOrEqual(600);
    const again = await handleTokenRequest(deployment, new URLSearchParams({ room: 'standup', name: 'Ada' }));
    expect(decodeJwt(String(again.body.token)).sub).not.toBe(claims.sub);
  });

  it.each([
    [{}, 'invalid-room'],
    [{ room: 'a b' }, 'invalid-room'],
    [{ room: 'ok' }, 'invalid-name'],
    [{ room: 'ok', name: '   ' }, 'invalid-name'],
    [{ room: 'ok', name: 'x'.repeat(65) }, 'invalid-name'],
  ])('%j is a JSON 400 %s', async (params, error) => {
    const res = await handleTokenRequest(deployment, new URLSearchParams(params));
    expect(res).toMatchObject({ status: 400, body: { error } });
  });

  it('validates names and rooms', () => {
    expect(validateName(' Ada ')).toEqual({ ok: true, value: 'Ada' });
    expect(validateName('a\nb').ok).toBe(false);
    expect(validateRoom('r'.repeat(128)).ok).toBe(true);
    expect(validateRoom('r'.repeat(129)).ok).toBe(false);
  });

  it('derives a readable identity from any name', () => {
    expect(makeIdentity('Ada Lovelace')).toMatch(/^ada-lovelace-[\w-]{8}$/);
    expect(makeIdentity('محمد')).toMatch(/^guest-[\w-]{8}$/);
  });
});
