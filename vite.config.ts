import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { writeBlurAssets } from './scripts/lib/blur-assets.mjs';
import { minifyTemplates } from './scripts/lib/minify-templates.mjs';

const src = (path: string) => resolve(import.meta.dirname, path);

// `vite build`: dist/confab.js registers the elements and dist/embed.js runs embed.html; livekit-client
// and the session load as a separate chunk only when a meeting is joined. public/ is copied beside.
// Blur's WASM and model go beside confab.js (dist/mediapipe/), never to a CDN; the effects worker is
// a classic script because tasks-vision loads its WASM glue with importScripts.
const blurAssets = (): Plugin => ({
  name: 'confab-blur-assets',
  apply: 'build',
  writeBundle(options) {
    (writeBlurAssets as (dir: string) => string)(options.dir ?? 'dist');
  },
});

// Our html`…` and css`…` templates lose the whitespace HTML and CSS ignore (the size budgets).
const minifyLitTemplates = (): Plugin => ({
  name: 'confab-minify-templates',
  apply: 'build',
  transform(code, id) {
    if (!/[\\/](components|src)[\\/].*\.ts$/.test(id)) return null;
    return (minifyTemplates as (code: string, id: string) => { code: string; map: unknown } | null)(code, id) as never;
  },
});

const widget: UserConfig = {
  plugins: [blurAssets(), minifyLitTemplates()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    chunkSizeWarningLimit: 700,
    lib: { entry: { confab: src('src/define.ts'), embed: src('src/embed/embed-page.ts') }, formats: ['es'] },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // livekit-client in a chunk of its own (loaded with the session): our in-call code is measured apart from it.
        codeSplitting: { groups: [{ name: 'livekit', test: /node_modules[\\/]livekit-client[\\/]/ }] },
      },
    },
  },
};

// `vite build --mode frame`: dist/confab-frame.js, the host helper, as one self-contained file.
const frame: UserConfig = {
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: { 'confab-frame': src('src/embed/frame.ts') }, formats: ['es'] },
    rolldownOptions: { output: { entryFileNames: '[name].js', minify: true } },
  },
};

// `vite build --mode lib`: the npm package — dist/lib/index.js (classes, no side effects) and
// dist/lib/define.js (registers); dependencies stay external, the consumer's bundler resolves them.
const lib: UserConfig = {
  publicDir: false,
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: { entry: { index: src('src/index.ts'), define: src('src/define.ts'), frame: src('src/embed/frame.ts') }, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^zustand($|\/)/, /^livekit-client($|\/)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'frame' ? frame : mode === 'lib' ? lib : widget));
