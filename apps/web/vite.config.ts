import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.KINMAP_SERVER ?? 'http://localhost:3000';

// `source` first: @kinmap/model is compiled from its TypeScript, so the app never waits for a model build.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The service worker is its own entry, served as /sw.js (a worker's scope is its folder).
      input: { index: 'index.html', sw: 'src/offline/sw.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    proxy: {
      // The Host stays the page's own: the CSRF and WebSocket same-origin checks compare against it.
      '/api': { target: server, changeOrigin: false },
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true, changeOrigin: false },
    },
  },
});
