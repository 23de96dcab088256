// A LiveKit VideoConference page (@livekit/components-react), the way LiveKit Meet builds one: the
// other side of the chat interop test, and the prebuilt that `npm run bench` measures Confab beside.
// Bundled by tests/e2e/meet/vite.config.mjs into tests/e2e/fixtures/meet/ (buildMeet() in
// tests/e2e/pages/meet.ts), served beside the other host pages. `?bench=1`: a Join button connects with camera and microphone on (as a user joining
// a call would), and the Room is exposed as `window.lkRoom` for the bench to read its state.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import { ExternalE2EEKeyProvider, Room } from 'livekit-client';
import E2EEWorker from 'livekit-client/e2ee-worker?worker';
import '@livekit/components-styles';

const params = new URLSearchParams(location.search);
const bench = params.get('bench') === '1';
const app = params.get('app') ?? 'http://127.0.0.1:8190';
const response = await fetch(
  `${app}/api/token?${new URLSearchParams({ room: params.get('room') ?? '', name: params.get('name') ?? 'Meet user' })}`,
);
const { serverUrl, token } = await response.json();
// `#<passphrase>`: end-to-end encryption as LiveKit Meet does it (the passphrase in the hash, an
// ExternalE2EEKeyProvider, livekit-client's worker, setE2EEEnabled before connecting).
const passphrase = location.hash ? decodeURIComponent(location.hash.slice(1)) : '';
const keyProvider = new ExternalE2EEKeyProvider();
const room = new Room({
  adaptiveStream: true,
  dynacast: true,
  ...(passphrase ? { encryption: { keyProvider, worker: new E2EEWorker() } } : {}),
});
if (passphrase) {
  await keyProvider.setKey(passphrase);
  await room.setE2EEEnabled(true);
}
if (bench) window.lkRoom = room;

function App() {
  const [joined, setJoined] = useState(!bench);
  if (!joined) return h('button', { id: 'join', type: 'button', onClick: () => setJoined(true) }, 'Join');
  return h(
    LiveKitRoom,
    { room, serverUrl, token, connect: true, audio: bench, video: bench, 'data-lk-theme': 'default', style: { height: '100vh' } },
    h(VideoConference),
  );
}
createRoot(document.getElementById('root')).render(h(App));
