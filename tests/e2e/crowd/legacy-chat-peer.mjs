#!/usr/bin/env node
// An old LiveKit chat client in its own process, as apps on components-core 0.9 still are: it reads
// and sends chat only as `lk-chat-topic` data packets ({ id, timestamp, message } JSON) and knows
// nothing of text streams or `ignoreLegacy` (it shows every legacy packet). Real LiveKit client
// (@livekit/rtc-node). Lines in: {"send": text}. Lines out: {"ready": true}, {"joined"}, {"received", "from"}, {"sent"}.
// With a fourth argument (a JSON array), it also answers Confab's chat-history request
// (`confab.chat.history` RPC) with those entries, whatever they claim: a hostile peer.
//   node legacy-chat-peer.mjs <ws-url> <room> <identity> [history-answer-json]
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Room, RoomEvent } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

const [url, roomName, identity, historyAnswer] = process.argv.slice(2);
const TOPIC = 'lk-chat-topic';
const out = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const at = new AccessToken('devkey', 'secret', { identity, name: `${identity} (old client)` });
at.addGrant({ roomJoin: true, room: roomName, canPublish: false, canSubscribe: true, canPublishData: true });
const room = new Room();
room.on(RoomEvent.ParticipantConnected, (participant) => out({ joined: participant.identity }));
room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
  if (topic !== TOPIC) return;
  const packet = JSON.parse(new TextDecoder().decode(payload));
  out({ received: packet.message, from: participant?.identity ?? null });
});
await room.connect(url, await at.toJwt(), { autoSubscribe: false, dynacast: false });
// Whoever was here first is known from the join itself (no ParticipantConnected for them).
for (const participant of room.remoteParticipants.values()) out({ joined: participant.identity });
if (historyAnswer) {
  room.localParticipant.registerRpcMethod('confab.chat.history', async ({ callerIdentity }) => {
    out({ historyAskedBy: callerIdentity });
    return historyAnswer;
  });
}
out({ ready: true });

createInterface({ input: process.stdin }).on('line', (line) => {
  const { send } = JSON.parse(line);
  const packet = { id: randomUUID(), timestamp: Date.now(), message: send };
  void room.localParticipant
    .publishData(new TextEncoder().encode(JSON.stringify(packet)), { reliable: true, topic: TOPIC })
    .then(() => out({ sent: send }));
});
const stop = async () => {
  await room.disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
