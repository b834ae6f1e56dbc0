import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Main (ESM), preload (CommonJS: sandboxed preloads cannot be ES modules) and renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Worker and child-process entries are emitted beside index.js: the spreadsheet parser's worker
      // thread and the live-capture process look for their .js sibling first (tsx runs the .ts in dev).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'parse-worker': resolve('electron/services/spreadsheet/parse-worker.ts'),
          'live-capture-process': resolve('electron/capture/live-capture-process.ts'),
        },
        external: ['cap'],
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    publicDir: resolve('assets/renderer-public'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
