// The end-to-end encryption worker: livekit-client's own, bundled as a file of ours (same origin, so
// `worker-src 'self'` allows it; no blob, no CDN).
import 'livekit-client/e2ee-worker';
