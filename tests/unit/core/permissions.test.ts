// What the server allows, as the widget reads it: the token's grants and LiveKit's live permission.
import { describe, expect, test } from 'vitest';
import { permissionsOf, tokenGrants } from '../../../src/core/grants.js';
import { mayPublish, PUBLISH_SOURCES, type Grants, type PermissionsView } from '../../../src/core/permissions.js';
import { grantsOf, type ServerPermission } from '../../../src/session/adapters/permissions.js';

const ALL = PUBLISH_SOURCES;

describe('permissionsOf: the grants as the UI sees them', () => {
  test.each<[string, Grants, Partial<PermissionsView>]>([
    [
      'a token that names nothing: LiveKit defaults (publish, subscribe, data; no metadata, no admin)',
      {},
      {
        role: 'guest',
        canPublish: true,
        canPublishSources: ALL,
        canPublishData: true,
        canUpdateOwnMetadata: false,
        canModerate: false,
        canRecord: false,
      },
    ],
    ['a host: roomAdmin', { roomAdmin: true }, { role: 'host', canModerate: true, canRecord: false }],
    ['a host who may record', { roomAdmin: true, roomRecord: true }, { role: 'host', canRecord: true }],
    ['recording without admin is not a host', { roomRecord: true }, { role: 'guest', canModerate: false, canRecord: true }],
    ['listen only', { canPublish: false }, { canPublish: false, canPublishSources: [] }],
    ['microphone only', { canPublishSources: ['microphone'] }, { canPublish: true, canPublishSources: ['microphone'] }],
    ['sources named twice count once', { canPublishSources: ['camera', 'camera'] }, { canPublishSources: ['camera'] }],
    ['no data: no chat, no reactions', { canPublishData: false }, { canPublishData: false }],
    ['raise hand needs metadata', { canUpdateOwnMetadata: true }, { canUpdateOwnMetadata: true }],
    [
      'hidden (a lobby): nothing is published, not even data',
      { hidden: true },
      { hidden: true, canPublish: false, canPublishSources: [], canPublishData: false },
    ],
  ])('%s', (_name, grants, expected) => {
    expect(permissionsOf(grants)).toMatchObject(expected);
  });

  test.each<[Grants, string, boolean]>([
    [{}, 'camera', true],
    [{ canPublishSources: ['microphone'] }, 'camera', false],
    [{ canPublishSources: ['microphone'] }, 'microphone', true],
    [{ canPublish: false, canPublishSources: ['camera'] }, 'camera', false],
    [{ hidden: true }, 'microphone', false],
  ])('%o may publish %s: %s', (grants, source, allowed) => {
    expect(mayPublish(permissionsOf(grants), source as 'camera')).toBe(allowed);
  });
});

describe("the token's grants", () => {
  const jwt = (payload: object) =>
    `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

  test.each<[string, string | undefined, Grants]>([
    [
      'admin and record',
      jwt({ video: { roomJoin: true, room: 'r', roomAdmin: true, roomRecord: true } }),
      { roomAdmin: true, roomRecord: true },
    ],
    ['sources', jwt({ video: { canPublishSources: ['camera', 'bogus', 3] } }), { canPublishSources: ['camera'] }],
    ['flags of the wrong type are ignored', jwt({ video: { roomAdmin: 'yes', canPublish: 1 } }), {}],
    ['no video claim', jwt({ name: 'Ada' }), {}],
    ['not a JWT', 'hello', {}],
    ['nothing', undefined, {}],
    ['a payload that is not JSON', 'a.b.c', {}],
  ])('%s', (_name, token, expected) => {
    expect(tokenGrants(token)).toEqual(expected);
  });
});

describe("the server's live permission over the token's grants", () => {
  const token: Grants = { roomAdmin: true, canUpdateOwnMetadata: true };
  test.each<[string, ServerPermission | undefined, Partial<PermissionsView>]>([
    ['none yet: the token', undefined, { role: 'host', canPublish: true, canUpdateOwnMetadata: true }],
    [
      'publishing taken away (a host muted us for good)',
      { canPublish: false, canUpdateMetadata: true },
      { canPublish: false, role: 'host' },
    ],
    ['only the microphone (protocol numbers)', { canPublish: true, canPublishSources: [2] }, { canPublishSources: ['microphone'] }],
    ['camera and screen', { canPublish: true, canPublishSources: [1, 3, 99] }, { canPublishSources: ['camera', 'screen'] }],
    ['metadata taken away: no raised hand', { canUpdateMetadata: false }, { canUpdateOwnMetadata: false }],
    ['promoted from hidden', { hidden: false, canPublish: true }, { hidden: false, canPublish: true }],
  ])('%s', (_name, live, expected) => {
    expect(permissionsOf(grantsOf(token, live))).toMatchObject(expected);
  });
});
