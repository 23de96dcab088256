#!/usr/bin/env node
// The synthetic crowd's own process (spawned by crowd.ts): LiveKit's Node SDK (@livekit/rtc-node, a
// native WebRTC stack) joins N people to a room, each publishing a small camera of its own colour at
// a low frame rate. A process of its own, so 25 encoders and their buffers never share a heap (or an
// event loop) with the test runner. Prints one JSON line when everyone publishes; ends on SIGTERM.
//   node publishers.mjs <ws-url> <room> <count> <prefix> <fps>
import { LocalVideoTrack, Room, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

const [url, roomName, count, prefix, fps] = process.argv.slice(2);
const W = 160;
const H = 90;

/**
 * Joins the room. Many connects at once in one process sometimes lose rtc-node's room handle before
 * its first event ("handle not found (… ReadyForRoomEvent …)", an upstream race in the native
 * binding): that connect, and only that one, is tried again with a new Room.
 */
async function connect(token, attempt = 1) {
  const room = new Room();
  try {
    await room.connect(url, token, { autoSubscribe: false, dynacast: true });
    return room;
  } catch (error) {
    if (attempt >= 3 || !String(error?.message).includes('handle not found')) throw error;
    process.stderr.write(`[crowd] connect lost its handle (rtc-node), trying again (${attempt})\n`);
    return connect(token, attempt + 1);
  }
}

async function person(identity, index) {
  const at = new AccessToken('devkey', 'secret', { identity, name: identity });
  at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: false, canPublishData: true });
  const room = await connect(await at.toJwt());
  const source = new VideoSource(W, H);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  await room.localParticipant.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false }));
  const data = new Uint8Array(W * H * 4);
  const hue = [(index * 53) % 256, (index * 97) % 256, (index * 151) % 256];
  let frame = 0;
  const timer = setInterval(
    () => {
      frame++;
      for (let i = 0; i < data.length; i += 4) {
        data[i] = hue[0];
        data[i + 1] = hue[1];
        data[i + 2] = (hue[2] + frame) % 256;
        data[i + 3] = 255;
      }
      source.captureFrame(new VideoFrame(data, W, H, VideoBufferType.RGBA));
    },
    1000 / Number(fps),
  );
  return async () => {
    clearInterval(timer);
    await room.disconnect();
  };
}

const identities = Array.from({ length: Number(count) }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
const stops = await Promise.all(identities.map((identity, i) => person(identity, i)));
process.stdout.write(`${JSON.stringify({ ready: identities })}\n`);
process.on('SIGTERM', async () => {
  await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  process.exit(0);
});
