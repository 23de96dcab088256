// Loads tasks-vision's WASM and the model from our own origin (assets-base), reporting progress by
// bytes; the WASM reaches tasks-vision as a blob: URL of the bytes already fetched, so it is fetched once.
import { FilesetResolver, ImageSegmenter } from '@mediapipe/tasks-vision';

export const MODEL_FILE = 'selfie_segmentation_landscape.tflite';

async function fetchBytes(url: string, onBytes: (n: number, total: number) => void): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received, total);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Creates the segmenter (CPU delegate: on machines without a real GPU it is ~10× faster than SwiftShader). */
export async function loadSegmenter(base: string, onProgress: (fraction: number) => void): Promise<ImageSegmenter> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const simd = await FilesetResolver.isSimdSupported();
  const wasmName = simd ? 'vision_wasm_internal' : 'vision_wasm_nosimd_internal';
  // Roughly the sizes, for a progress that moves before content-length is known.
  const sizes = { wasm: 9_400_000, model: 251_000 };
  const got = { wasm: 0, model: 0 };
  const report = () => onProgress(Math.min(0.99, (got.wasm + got.model) / (sizes.wasm + sizes.model)));
  const [wasm, model] = await Promise.all([
    fetchBytes(`${root}wasm/${wasmName}.wasm`, (n, total) => {
      got.wasm = n;
      if (total) sizes.wasm = total;
      report();
    }),
    fetchBytes(`${root}${MODEL_FILE}`, (n, total) => {
      got.model = n;
      if (total) sizes.model = total;
      report();
    }),
  ]);
  const wasmUrl = URL.createObjectURL(new Blob([wasm as BlobPart], { type: 'application/wasm' }));
  try {
    const segmenter = await ImageSegmenter.createFromOptions(
      { wasmLoaderPath: new URL(`${root}wasm/${wasmName}.js`, location.href).href, wasmBinaryPath: wasmUrl },
      {
        baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
        runningMode: 'VIDEO',
        outputConfidenceMasks: true,
        outputCategoryMask: false,
      },
    );
    onProgress(1);
    return segmenter;
  } finally {
    URL.revokeObjectURL(wasmUrl);
  }
}
