import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../../src/embed/deployment.js';
import { planEmbed } from '../../../src/embed/plan.js';

const deployment = parseDeployment({
  tokenEndpoint: '/api/token',
  serverUrls: ['ws://127.0.0.1:7880'],
  allowedParentOrigins: ['https://host.example', 'http://localhost:*'],
});
const plan = (query: string) => planEmbed(new URL(`https://confab.example/embed.html${query}`), deployment);

describe('embed.html setup', () => {
  it('passes presentation options through and takes the endpoint from the deployment', () => {
    const p = plan('?room=standup&name=Ada&theme=dark&max-tiles=9');
    expect(p.attributes).toEqual({ room: 'standup', name: 'Ada', theme: 'dark', 'max-tiles': '9', 'token-endpoint': '/api/token' });
    expect(p.notices).toEqual([]);
  });

  it('refuses a token in the query and takes one from the fragment with the deployment server', () => {
    expect(plan('?token=a.b.c').notices.map((n) => n.code)).toEqual(['token-in-query']);
    const p = plan('#token=a.b.c');
    expect(p.token).toBe('a.b.c');
    expect(p.attributes['server-url']).toBe('ws://127.0.0.1:7880');
  });

  it('takes an encryption key from the fragment only: one in the query is ignored and said so', () => {
    expect(plan('?room=r&e2ee=on#e2ee-key=correct%20horse')).toMatchObject({
      e2eeKey: 'correct horse',
      attributes: { e2ee: 'on' },
      notices: [],
    });
    const p = plan('?room=r&e2ee=on&e2ee-key=leaked');
    expect(p.e2eeKey).toBeUndefined();
    expect(p.notices.map((n) => n.code)).toEqual(['e2ee-key-in-query']);
    expect(JSON.stringify(p)).not.toContain('leaked');
  });

  it('takes an invite from the fragment only; with credentials from the parent, never the token endpoint', () => {
    expect(plan('?invite=a.b.c').notices.map((n) => n.code)).toEqual(['invite-in-query']);
    expect(plan('?room=r#invite=a.b.c')).toMatchObject({ invite: 'a.b.c', attributes: { room: 'r', 'token-endpoint': '/api/token' } });
    expect(plan('?room=r&name=Ada#credentials=parent').attributes['token-endpoint']).toBeUndefined();
  });

  it('takes a server from the URL only when the deployment lists it', () => {
    expect(plan('?server-url=ws%3A%2F%2F127.0.0.1%3A7880').attributes['server-url']).toBe('ws://127.0.0.1:7880');
    const p = plan('?server-url=wss%3A%2F%2Fevil.example');
    expect(p.attributes['server-url']).toBeUndefined();
    expect(p.notices.map((n) => n.code)).toEqual(['server-url-not-allowed']);
  });

  it('never lets the URL change the token endpoint or assets', () => {
    const p = plan('?token-endpoint=https%3A%2F%2Fevil.example&assets-base=https%3A%2F%2Fevil.example');
    expect(p.attributes['token-endpoint']).toBe('/api/token');
    expect(p.notices.map((n) => n.code)).toEqual(['option-not-from-url', 'option-not-from-url']);
  });

  it('accepts only allowed parent origins', () => {
    expect(plan('?parent-origin=https%3A%2F%2Fhost.example').parentOrigin).toBe('https://host.example');
    expect(plan('?parent-origin=http%3A%2F%2Flocalhost%3A3000').parentOrigin).toBe('http://localhost:3000');
    const p = plan('?parent-origin=https%3A%2F%2Fevil.example');
    expect(p.parentOrigin).toBeUndefined();
    expect(p.notices.map((n) => n.code)).toEqual(['parent-origin-not-allowed']);
  });

  it('ignores parameters that are not options, such as __proto__, and its attributes inherit nothing', () => {
    const p = plan('?__proto__=x&constructor=y&toString=z&room=__proto__');
    expect(Object.keys(p.attributes)).toEqual(['room', 'token-endpoint']);
    expect(p.attributes.room).toBe('__proto__');
    // A null-prototype record: code reading it by name can never find Object's members.
    expect('toString' in p.attributes).toBe(false);
    expect('constructor' in p.attributes).toBe(false);
  });
});

describe('deployment config', () => {
  it('drops malformed entries instead of trusting them', () => {
    expect(
      parseDeployment({
        tokenEndpoint: 'javascript:alert(1)',
        serverUrls: ['https://not-ws.example', 'wss://ok.example', 42],
        allowedParentOrigins: ['*', 'https://ok.example', 'https://x.example/path'],
      }),
    ).toEqual({ tokenEndpoint: undefined, serverUrls: ['wss://ok.example'], allowedParentOrigins: ['https://ok.example'] });
    expect(parseDeployment('nonsense')).toEqual({ tokenEndpoint: undefined, serverUrls: [], allowedParentOrigins: [] });
  });
});
