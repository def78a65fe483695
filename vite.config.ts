import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The reader is built once and served by the HTTP server or the Electron protocol handler, never from a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // The Markdown pipeline also runs in a worker, which has no `document`: packages with a DOM-based browser
    // build (entity decoding, rehype-katex's HTML parser) give their worker build, which runs anywhere.
    conditions: ['worker', ...defaultClientConditions],
  },
  // Workers are started as modules (`type: 'module'`, as search/browserSearch.ts does): their bundles are ES modules too.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
    // Built files under /static/; /assets/ is where lecture images are served.
    assetsDir: 'static',
  },
});
