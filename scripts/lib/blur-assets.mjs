// Everything blur loads at run time, written into the build beside confab.js (dist/mediapipe/):
// the tasks-vision WASM (the exact pinned version, no CDN) and the selfie-segmentation model from
// @mediapipe/selfie_segmentation with the metadata tasks-vision needs added. No request leaves the origin.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addSelfieMetadata, hasMetadata } from './tflite-metadata.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** tasks-vision 1.x posts usage metrics to odml.pa.googleapis.com with no opt-out; 0.10.x does not. */
export const TASKS_VISION_VERSION = '0.10.14';
export const MODEL_FILE = 'selfie_segmentation_landscape.tflite';
const WASM_FILES = [
  'vision_wasm_internal.js',
  'vision_wasm_internal.wasm',
  'vision_wasm_nosimd_internal.js',
  'vision_wasm_nosimd_internal.wasm',
];

function packageDir(name) {
  return join(root, 'node_modules', name);
}

/** Fails the build when the installed tasks-vision is not the pinned, metrics-free one. */
export function checkTasksVision() {
  const dir = packageDir('@mediapipe/tasks-vision');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (version !== TASKS_VISION_VERSION)
    throw new Error(`@mediapipe/tasks-vision ${version} installed; blur is pinned to ${TASKS_VISION_VERSION} (1.x sends usage metrics)`);
  for (const file of ['vision_bundle.mjs', ...WASM_FILES.filter((f) => f.endsWith('.js'))]) {
    const text = readFileSync(join(dir, file.endsWith('.mjs') ? file : `wasm/${file}`), 'utf8');
    if (text.includes('odml.pa.googleapis.com') || text.includes('play.googleapis.com/log'))
      throw new Error(`${file} contains a usage-metrics endpoint`);
  }
  return dir;
}

/** Writes dist/mediapipe/{wasm/*, selfie_segmentation_landscape.tflite}. */
export function writeBlurAssets(outDir) {
  const vision = checkTasksVision();
  const target = join(outDir, 'mediapipe');
  mkdirSync(join(target, 'wasm'), { recursive: true });
  for (const file of WASM_FILES) copyFileSync(join(vision, 'wasm', file), join(target, 'wasm', file));
  const model = readFileSync(join(packageDir('@mediapipe/selfie_segmentation'), MODEL_FILE));
  writeFileSync(join(target, MODEL_FILE), hasMetadata(model) ? model : addSelfieMetadata(model));
  return target;
}
