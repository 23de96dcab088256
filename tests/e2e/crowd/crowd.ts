// A crowd of synthetic participants for load tests: LiveKit's own Node SDK (@livekit/rtc-node, a
// native WebRTC stack from prebuilt binaries) joins N people to a room of the real server, each
// publishing a small camera of its own colour at a low frame rate. Cheap enough for 25+ on 2 cores.
import { LocalVideoTrack, Room, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

export interface Crowd {
  /** The identities, in join order. */
  readonly identities: string[];
  stop(): Promise<void>;
}

const W = 320;
const H = 180;

async function token(room: string, identity: string): Promise<string> {
  const at = new AccessToken('devkey', 'secret', { identity, name: identity });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: false, canPublishData: true });
  return at.toJwt();
}

/** One synthetic person: joined, publishing a camera that changes shade every frame. */
async function person(url: string, roomName: string, identity: string, index: number, fps: number) {
  const room = new Room();
  await room.connect(url, await token(roomName, identity), { autoSubscribe: false, dynacast: true });
  const source = new VideoSource(W, H);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false }));
  const data = new Uint8Array(W * H * 4);
  const hue = [(index * 53) % 256, (index * 97) % 256, (index * 151) % 256];
  let frame = 0;
  const timer = setInterval(() => {
    frame++;
    for (let i = 0; i < data.length; i += 4) {
      data[i] = hue[0]!;
      data[i + 1] = hue[1]!;
      data[i + 2] = (hue[2]! + frame) % 256;
      data[i + 3] = 255;
    }
    source.captureFrame(new VideoFrame(data, W, H, VideoBufferType.RGBA));
  }, 1000 / fps);
  return async () => {
    clearInterval(timer);
    await room.disconnect();
    await source.close();
  };
}

/** `count` people join `room` (all at once, as a burst), each publishing video at `fps`. */
export async function crowd(url: string, room: string, count: number, options: { prefix?: string; fps?: number } = {}): Promise<Crowd> {
  const prefix = options.prefix ?? 'synthetic';
  const identities = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
  const stops = await Promise.all(identities.map((identity, i) => person(url, room, identity, i, options.fps ?? 8)));
  return {
    identities,
    async stop() {
      await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    },
  };
}
