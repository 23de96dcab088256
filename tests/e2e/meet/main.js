// A LiveKit VideoConference page (@livekit/components-react), the way LiveKit Meet builds one: the
// other side of the chat interop test, and the prebuilt that `npm run bench` measures Confab beside.
// Bundled by tests/e2e/meet/vite.config.mjs into tests/e2e/fixtures/meet/, served beside the other
// host pages. `?bench=1`: a Join button connects with camera and microphone on (as a user joining
// a call would), and the Room is exposed as `window.lkRoom` for the bench to read its state.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import { Room } from 'livekit-client';
import '@livekit/components-styles';

const params = new URLSearchParams(location.search);
const bench = params.get('bench') === '1';
const app = params.get('app') ?? 'http://127.0.0.1:8190';
const response = await fetch(
  `${app}/api/token?${new URLSearchParams({ room: params.get('room') ?? '', name: params.get('name') ?? 'Meet user' })}`,
);
const { serverUrl, token } = await response.json();
const room = new Room({ adaptiveStream: true, dynacast: true });
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
