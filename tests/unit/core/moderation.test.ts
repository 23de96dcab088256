import { describe, expect, test, vi } from 'vitest';
import { permissionsOf } from '../../../src/core/grants.js';
import { Moderation } from '../../../src/core/moderation.js';
import { createMeetingStore } from '../../../src/core/store.js';

describe("a host's recording", () => {
  test('is refused in an end-to-end encrypted call, with the reason, before the server is asked', async () => {
    const store = createMeetingStore();
    store.setState({
      phase: 'connected',
      room: 'r',
      permissions: permissionsOf({ roomAdmin: true, roomRecord: true }),
      encryption: { on: true, mismatched: [] },
    });
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    const moderation = new Moderation({
      store,
      endpoint: () => 'https://confab.example/api/token',
      credential: () => 'ticket',
      turnOn: async () => undefined,
      alive: () => undefined,
    });
    await expect(moderation.startRecording()).rejects.toMatchObject({ code: 'encrypted' });
    expect(fetch).not.toHaveBeenCalled();
    // Unencrypted, the same host's request goes to the server.
    store.setState({ encryption: { on: false, mismatched: [] } });
    await moderation.startRecording();
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
