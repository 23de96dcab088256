/// <reference types="dom-mediacapture-transform" />
// The bench page: one pipeline per page load (?impl=ours|livekit), the same camera (the person .y4m),
// the same local WASM and model. Reports per-frame times, output fps and main-thread stalls.
import { LocalVideoTrack } from 'livekit-client';
import { BackgroundProcessor as LiveKitBackground } from '@livekit/track-processors';
import { BackgroundProcessor } from '../../src/effects/processor.js';

interface Sample {
  segmentMs: number;
  compositeMs: number;
  totalMs: number;
}

const impl = new URLSearchParams(location.search).get('impl') ?? 'ours';
const samples: Sample[] = [];
let longestTask = 0;
let longtaskEntries = 0;

// Longest main-thread task: the largest gap between consecutive macrotasks of a MessageChannel loop,
// plus the browser's own long-task entries.
function watchMainThread(): () => void {
  const channel = new MessageChannel();
  let last = performance.now();
  let on = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longestTask = Math.max(longestTask, now - last);
    last = now;
    if (on) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longtaskEntries++;
      longestTask = Math.max(longestTask, e.duration);
    }
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // Not offered: the gap probe alone.
  }
  return () => {
    on = false;
    observer.disconnect();
  };
}

async function countFrames(track: MediaStreamTrack, ms: number): Promise<number> {
  const reader = new MediaStreamTrackProcessor({ track: track.clone() as MediaStreamVideoTrack }).readable.getReader();
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const { value, done } = await reader.read();
    if (done) break;
    value.close();
    n++;
  }
  await reader.cancel();
  return n;
}

async function run() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 } });
  const raw = stream.getVideoTracks()[0] as MediaStreamTrack;
  const started = performance.now();
  let output: MediaStreamTrack;
  let compositor: string | null = null;
  if (impl.startsWith('ours')) {
    // ours: the compositor the engine chooses by timing; ours-webgl / ours-canvas: that one forced.
    const forced = impl.split('-')[1];
    if (forced) localStorage.setItem('confab.effects.compositor', forced);
    else localStorage.removeItem('confab.effects.compositor');
    const processor = await BackgroundProcessor.create(
      '/mediapipe/',
      { mode: 'blur', strength: 0.6, image: null },
      { progress: () => undefined, overloaded: () => undefined, stats: (t) => samples.push(t) },
    );
    output = await processor.process(raw);
    compositor = processor.compositor;
  } else {
    const track = new LocalVideoTrack(raw, undefined, true);
    await track.setProcessor(
      LiveKitBackground({
        mode: 'background-blur',
        blurRadius: 10,
        assetPaths: { tasksVisionFileSet: '/mediapipe/wasm', modelAssetPath: '/mediapipe/selfie_segmentation_landscape.tflite' },
        segmenterOptions: { delegate: 'CPU' },
        onFrameProcessed: (s) =>
          samples.push({ segmentMs: s.segmentationTimeMs, compositeMs: s.filterTimeMs, totalMs: s.processingTimeMs }),
      }),
    );
    output = track.getProcessor()?.processedTrack as MediaStreamTrack;
  }
  const setupMs = performance.now() - started;
  // Warm-up, then measure.
  await countFrames(output, 2000);
  samples.length = 0;
  longestTask = 0;
  const stop = watchMainThread();
  const frames = await countFrames(output, 10_000);
  stop();
  return {
    impl,
    setupMs,
    frames,
    fps: frames / 10,
    samples: [...samples],
    longestTask,
    longtaskEntries,
    where: impl.startsWith('ours') ? 'worker' : 'main',
    compositor,
  };
}

(window as unknown as { result: Promise<unknown> }).result = run();
