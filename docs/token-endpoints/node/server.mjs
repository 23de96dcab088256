// A minimal token endpoint for <confab-meeting token-endpoint="/api/token">, in Node with LiveKit's
// own SDK (npm install livekit-server-sdk). Serve it from your site's origin (or proxy /api/token to
// it) so the browser needs no CORS. The API secret stays here; the browser only sees the token.
//   LIVEKIT_URL=wss://livekit.example.com LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… node server.mjs
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AccessToken } from 'livekit-server-sdk';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, PORT = '3000' } = process.env;
const ROOM = /^[A-Za-z0-9_-]{1,128}$/;

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const answer = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'GET' || url.pathname !== '/api/token') return answer(404, { error: 'not-found', message: 'Not found.' });
  const room = url.searchParams.get('room') ?? '';
  const name = (url.searchParams.get('name') ?? '').trim();
  if (!ROOM.test(room)) return answer(400, { error: 'bad-room', message: 'Room names are 1–128 letters, digits, _ or -.' });
  if (!name || name.length > 64) return answer(400, { error: 'bad-name', message: 'Names are 1–64 characters.' });
  // Decide here who may join which room (your session, your rules); this example lets anyone in.
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity: `user-${randomBytes(6).toString('hex')}`, // one per join: two tabs are two participants
    name,
    ttl: '10m', // LiveKit refreshes it while connected
  });
  token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: true });
  answer(200, { serverUrl: LIVEKIT_URL, token: await token.toJwt() });
}).listen(Number(PORT), () => console.log(`token endpoint on http://localhost:${PORT}/api/token`));
