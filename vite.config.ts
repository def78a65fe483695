import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The reader is built once and served by the HTTP server or the Electron protocol handler, never from a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
