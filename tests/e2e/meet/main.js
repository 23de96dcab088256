// A LiveKit VideoConference page (@livekit/components-react), the way LiveKit Meet builds one: the
// other side of the chat interop test. Bundled by tests/e2e/meet/vite.config.mjs into
// tests/e2e/fixtures/meet/, served beside the other host pages.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';

const params = new URLSearchParams(location.search);
const app = params.get('app') ?? 'http://127.0.0.1:8190';
const response = await fetch(`${app}/api/token?${new URLSearchParams({ room: params.get('room') ?? '', name: params.get('name') ?? 'Meet user' })}`);
const { serverUrl, token } = await response.json();
createRoot(document.getElementById('root')).render(
  h(LiveKitRoom, { serverUrl, token, connect: true, audio: false, video: false, 'data-lk-theme': 'default', style: { height: '100vh' } }, h(VideoConference)),
);
