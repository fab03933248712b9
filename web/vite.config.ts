// Builds the console into web/dist, which the Siaga server serves at "/".
// In development, API and basemap requests go to a local server on port 8080.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.SIAGA_DEV_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/basemap': backend,
    },
  },
});
