// Brotli and gzip siblings of every compressible file of a build (`x.js` → `x.js.br`, `x.js.gz`), so
// the Confab server sends them as they are (@fastify/static `preCompressed`) instead of compressing
// on each request. Maps stay as they are (only developers fetch them).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.wasm', '.tflite']);
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Writes the siblings of the files in `dir` (or only of `only`, paths relative to it); returns how
 * many files got them. Large files (the blur WASM) get a faster brotli level.
 */
export async function precompress(dir, only) {
  const targets = (only ? only.map((f) => join(dir, f)) : files(dir)).filter(
    (f) => COMPRESSIBLE.has(extname(f)) && statSync(f).size >= MIN_BYTES,
  );
  await Promise.all(
    targets.map(async (file) => {
      const data = readFileSync(file);
      const quality = data.length > 1_000_000 ? 6 : 11;
      const [br, gzipped] = await Promise.all([
        brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        gz(data, { level: 9 }),
      ]);
      // A sibling that saves nothing is not worth a lookup.
      if (br.length < data.length) writeFileSync(`${file}.br`, br);
      if (gzipped.length < data.length) writeFileSync(`${file}.gz`, gzipped);
    }),
  );
  return targets.length;
}
