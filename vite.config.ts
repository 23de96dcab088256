import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Library build: dist/confab.js registers the elements; livekit-client and the session load as a
// separate chunk only when a meeting is joined. public/ (demo page) is copied beside it.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    chunkSizeWarningLimit: 700,
    lib: {
      entry: { confab: resolve(import.meta.dirname, 'src/define.ts') },
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
      },
    },
  },
});
