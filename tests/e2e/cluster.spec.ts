import { execFileSync } from 'node:child_process';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { startCluster } from '../../scripts/livekit.mjs';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

// LiveKit's own scale-out on one machine: Redis and two livekit-server nodes. The room is pinned to
// node A; Bob connects through node B, whose signal relay carries him to the room on A.
const PORT_A = 7994; // node B: PORT_A + 20
const REDIS = 6391;

async function token(room: string, name: string) {
  const at = new AccessToken('devkey', 'secret', { identity: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`, name });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true });
  return at.toJwt();
}

test('a room pinned to one node of a two-node cluster: people connecting through either node meet', async ({ browser }) => {
  test.setTimeout(120_000);
  const cluster = await startCluster({ port: PORT_A, redisPort: REDIS });
  const [a, b] = cluster.nodes as unknown as [
    { url: string; httpUrl: string; nodeId: string | null },
    { url: string; httpUrl: string; nodeId: string | null },
  ];
  const people: Participant[] = [];
  try {
    expect(a.nodeId).toMatch(/^ND_/);
    expect(b.nodeId).toMatch(/^ND_/);
    expect(a.nodeId).not.toBe(b.nodeId);
    const room = uniqueRoom('cluster');
    await new RoomServiceClient(a.httpUrl, 'devkey', 'secret').createRoom({ name: room, nodeId: a.nodeId!, emptyTimeout: 120 });
    const ada = await Participant.openWith(browser, { name: 'Ada', attributes: { 'server-url': a.url }, token: await token(room, 'Ada') });
    people.push(ada);
    const bob = await Participant.openWith(browser, { name: 'Bob', attributes: { 'server-url': b.url }, token: await token(room, 'Bob') });
    people.push(bob);
    await ada.joined();
    await bob.joined();
    await Participant.expectFramesFlowing(ada.tileOf(bob));
    await Participant.expectFramesFlowing(bob.tileOf(ada));
    await bob.control('microphone').click();
    await expect(ada.tileOf(bob)).toHaveAttribute('data-muted', '');
    // The room lives on node A (LiveKit's own routing table in Redis), though Bob came in through B.
    const host = execFileSync('redis-cli', ['-p', String(REDIS), 'HGET', 'room_node_map', room], { encoding: 'utf8' }).trim();
    expect(host).toBe(a.nodeId);
  } finally {
    await Promise.all(people.map((p) => p.close()));
    await cluster.stop();
  }
});
