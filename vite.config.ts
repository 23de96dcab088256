import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { writeBlurAssets } from './scripts/lib/blur-assets.mjs';
import { minifyTemplates } from './scripts/lib/minify-templates.mjs';
import { fixLit } from './scripts/lib/lit-fixes.mjs';
import { precompress } from './scripts/lib/precompress.mjs';

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

/** Whether this build is Storybook's (it builds with this config, into its own folder). */
const storybook = (plugins: readonly { name: string }[]) =>
  plugins.some((p) => p.name.startsWith('storybook') || p.name.includes(':storybook'));

/**
 * Brotli and gzip siblings for the Confab server to send as they are: the whole folder after the
 * widget's build (public/ and the blur assets included), only its own files after the helper's.
 */
const precompressed = (scope: 'all' | 'own'): Plugin => {
  let files: string[] = [];
  let dir = '';
  let skip = false;
  return {
    name: 'confab-precompress',
    apply: 'build',
    configResolved(config) {
      skip = storybook(config.plugins);
    },
    writeBundle(options, bundle) {
      dir = skip ? '' : (options.dir ?? '');
      files = Object.keys(bundle);
    },
    async closeBundle() {
      if (!dir) return;
      await (precompress as (dir: string, only?: string[]) => Promise<number>)(dir, scope === 'all' ? undefined : files);
    },
  };
};

/**
 * The widget's build empties its folder but for the npm package's parts (dist/lib, dist/types), which
 * other builds write: `npm start` during or after `npm run build` must not take the package away.
 */
const emptyOutDirExcept = (keep: readonly string[]): Plugin => {
  let dir = '';
  return {
    name: 'confab-empty-out-dir',
    apply: 'build',
    configResolved(config) {
      // Storybook builds with this config into a folder it has already written to: not ours to empty.
      dir = storybook(config.plugins) ? '' : resolve(config.root, config.build.outDir);
    },
    buildStart() {
      if (!dir || !existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (!keep.includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
};

/** Two upstream leaks a long chat runs into, fixed in our builds (scripts/lib/lit-fixes.mjs). */
export const litFixes = (): Plugin => ({
  name: 'confab-lit-fixes',
  transform(code, id) {
    const fixed = fixLit(code, id);
    return fixed === null ? null : { code: fixed, map: null };
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

/**
 * Everything the element shell (src/define.ts) imports statically goes into one chunk: modules it
 * shares with the lazy chunks (the store, the context…) would otherwise become small chunks of their
 * own, each a request and each compressed alone (the shell budget counts gzip per file).
 */
const shellModules = new Set<string>();
const inCallModules = new Set<string>();
const shellGraph = (): Plugin => ({
  name: 'confab-shell-graph',
  apply: 'build',
  buildEnd() {
    shellModules.clear();
    const visit = (id: string) => {
      if (shellModules.has(id)) return;
      shellModules.add(id);
      for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
    };
    visit(src('src/define.ts'));
    // The same for what the in-call chunk imports (the first frame's path), less the shell and livekit-client.
    inCallModules.clear();
    const visitCall = (id: string) => {
      if (inCallModules.has(id) || shellModules.has(id) || /node_modules[\\/]livekit-client[\\/]/.test(id)) return;
      inCallModules.add(id);
      for (const next of this.getModuleInfo(id)?.importedIds ?? []) visitCall(next);
    };
    visitCall(src('src/in-call.ts'));
  },
});

/**
 * Our own modules that run something when imported; the rest of src/ and components/ are pure, as
 * package.json's `sideEffects` (which names only the package's files, for its consumers) says of
 * every file it leaves out. A plugin's answer overrides package.json's.
 */
const OWN_SIDE_EFFECTS = [
  'src/define.ts',
  'src/call-endings.ts',
  'components/meeting/moderation-banners.ts',
  'src/core/moderation.ts',
  'components/chat/register.ts',
].map(src);
const ownSideEffects = (): Plugin => ({
  name: 'confab-own-side-effects',
  enforce: 'post',
  transform(code, id) {
    return OWN_SIDE_EFFECTS.includes(id) ? { code, map: null, moduleSideEffects: true } : null;
  },
});

const widget: UserConfig = {
  plugins: [
    emptyOutDirExcept(['lib', 'types']),
    ownSideEffects(),
    blurAssets(),
    minifyLitTemplates(),
    shellGraph(),
    litFixes(),
    precompressed('all'),
  ],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    chunkSizeWarningLimit: 700,
    // builder.js: the snippet builder at the Confab server's `/` (not part of the widget a page loads).
    lib: {
      entry: { confab: src('src/define.ts'), embed: src('src/embed/embed-page.ts'), builder: src('src/builder/builder.ts') },
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // livekit-client in a chunk of its own (loaded with the session): our in-call code is measured apart from it.
        codeSplitting: {
          groups: [
            { name: 'livekit', test: /node_modules[\\/]livekit-client[\\/]/ },
            { name: 'shell', test: (id) => shellModules.has(id), priority: 2 },
            // What the first frame needs beyond the shell, in one file (shared parts would be chunks of their own).
            { name: 'in-call', test: (id) => inCallModules.has(id), priority: 1 },
          ],
        },
      },
    },
  },
};

// `vite build --mode frame`: dist/confab-frame.js, the host helper, as one self-contained file.
const frame: UserConfig = {
  publicDir: false,
  plugins: [precompressed('own')],
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
/**
 * The npm package leaves Lit to the consumer, except `repeat` and the helpers it uses, which carry
 * the removePart fix (litFixes): their imports of lit-html's core go to the consumer's `lit`,
 * so there is still one Lit in the app.
 */
const LIT_CORE: Record<string, string> = { 'lit-html.js': 'lit', 'directive.js': 'lit/directive.js' };
const litRepeatFromConsumer = (): Plugin => ({
  name: 'confab-lit-repeat',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !/[\\/]lit-html[\\/](directives[\\/]repeat|directive-helpers)\.js$/.test(importer)) return null;
    const core = LIT_CORE[source.replace(/^\.\.?\//, '')];
    return core ? { id: core, external: true } : null;
  },
});

/**
 * The package's workers: src/effects/worker-factory.lib.ts (and the session's e2ee one) in place of the widget's factories,
 * its placeholder written out as `new Worker(new URL('…/effects-worker.js', import.meta.url))` —
 * the pattern a consumer's bundler follows to emit the worker — and the blur assets (MediaPipe's
 * WASM and model, the built-in backgrounds) shipped beside it in dist/lib/mediapipe/.
 */
const WORKER_FILE = 'effects-worker.js';
/** livekit-client's encryption worker, copied as it ships (a classic script with nothing to resolve). */
const E2EE_WORKER_FILE = 'e2ee-worker.js';
const PACKAGE_WORKERS = [
  { placeholder: '__CONFAB_EFFECTS_WORKER__()', file: WORKER_FILE, name: 'confab-effects' },
  { placeholder: '__CONFAB_E2EE_WORKER__()', file: E2EE_WORKER_FILE, name: 'confab-e2ee' },
];
const packageEffects = (): Plugin => ({
  name: 'confab-package-effects',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './worker-factory.js' && importer && /[\\/]src[\\/]effects[\\/]/.test(importer))
      return src('src/effects/worker-factory.lib.ts');
    if (source === '../e2ee-worker-factory.js' && importer && /[\\/]src[\\/]session[\\/]adapters[\\/]/.test(importer))
      return src('src/session/e2ee-worker-factory.lib.ts');
    return null;
  },
  renderChunk(code, chunk) {
    const workers = PACKAGE_WORKERS.filter((w) => code.includes(w.placeholder));
    if (!workers.length) return null;
    for (const { placeholder, file, name } of workers) {
      const path = posix.normalize(relative(dirname(chunk.fileName), file).split('\\').join('/'));
      const url = path.startsWith('.') ? path : `./${path}`;
      code = code.replaceAll(
        placeholder,
        `new Worker(new URL(${JSON.stringify(url)}, import.meta.url), { name: ${JSON.stringify(name)} })`,
      );
    }
    return { code, map: null };
  },
  writeBundle(options) {
    const dir = options.dir ?? src('dist/lib');
    (writeBlurAssets as (dir: string) => string)(dir);
    cpSync(src('public/mediapipe/backgrounds'), join(dir, 'mediapipe', 'backgrounds'), { recursive: true });
    cpSync(src('node_modules/livekit-client/dist/livekit-client.e2ee.worker.js'), join(dir, E2EE_WORKER_FILE));
  },
});

const lib: UserConfig = {
  publicDir: false,
  plugins: [ownSideEffects(), litFixes(), litRepeatFromConsumer(), packageEffects()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: { entry: { index: src('src/index.ts'), define: src('src/define.ts'), frame: src('src/embed/frame.ts') }, formats: ['es'] },
    rolldownOptions: {
      external: (id) =>
        id !== 'lit/directives/repeat.js' && [/^lit($|\/)/, /^@lit\//, /^zustand($|\/)/, /^livekit-client($|\/)/].some((re) => re.test(id)),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

// `vite build --mode lib-worker` (after --mode lib): dist/lib/effects-worker.js, the package's effects
// worker as one classic script with tasks-vision inside (the package's chunks name it, see above).
const libWorker: UserConfig = {
  publicDir: false,
  plugins: [litFixes()],
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: src('src/effects/worker.ts'), formats: ['iife'], name: 'ConfabEffects', fileName: () => WORKER_FILE },
  },
};

// `vite build --mode server`: the Confab server (server/), for Node: its dependencies stay outside,
// the rules it shares with the widget (names, origins) come in.
const server: UserConfig = {
  publicDir: false,
  build: {
    target: 'node20',
    outDir: 'server/dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { cli: src('server/cli.ts'), index: src('server/index.ts') },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

const MODES: Record<string, UserConfig> = { frame, lib, 'lib-worker': libWorker, server };
export default defineConfig(({ mode }) => MODES[mode] ?? widget);
