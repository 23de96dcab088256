import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The interop fixture: @livekit/components-react's VideoConference in a page of its own.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: { outDir: resolve(import.meta.dirname, '../fixtures/meet'), emptyOutDir: true, target: 'es2022', minify: false },
});
