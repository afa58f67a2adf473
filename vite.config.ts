import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built site works from any static host or sub-folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // Scan every page at start-up (the app and the GPU test harnesses), so the dev server
  // never discovers a dependency mid-test and reloads the page under a running spec.
  optimizeDeps: { entries: ['index.html', 'e2e/gpu/*.html'] },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
