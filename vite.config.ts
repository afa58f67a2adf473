import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base: the built site works from any static host or sub-folder.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Offline after the first visit (classrooms have poor connections): a generated Workbox
    // service worker precaches the whole build. src/ui/boot/serviceWorker.ts registers it, in
    // production builds only; the dev server and the GPU harness pages never see it.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      // The glob below already takes every icon in public/; listing them twice is noise.
      includeManifestIcons: false,
      manifest: {
        name: 'Gradscape',
        short_name: 'Gradscape',
        description: 'Race optimizers on loss surfaces, live, on your GPU or CPU. Works offline.',
        // Relative to the manifest, so an install from a sub-folder opens that sub-folder.
        start_url: '.',
        scope: './',
        display: 'standalone',
        // tokens.css (light): the header is --gs-bg, the page --gs-page.
        theme_color: '#ffffff',
        background_color: '#f4f5f7',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'maskable-icon-512x512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Everything the app loads: JS (the CPU worker and the lazy GPU engine included), CSS,
        // the page, icons and KaTeX's fonts. Only .woff2: every browser with service workers
        // picks it first from KaTeX's @font-face lists, so the .woff/.ttf twins are never fetched.
        // (The plugin adds manifest.webmanifest itself.)
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'],
        // The main chunk is ~0.9 MiB and grows; Workbox's 2 MiB default would silently drop it.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Share links open with a query (?engine=…, the experiment): serve the cached page.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take over the first visit's page too: if the network drops mid-lesson, the lazy
        // chunks (the GPU engine, KaTeX's fonts for the explain panel) still load.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // Scan every page at start-up (the app and the GPU test harnesses), so the dev server
  // never discovers a dependency mid-test and reloads the page under a running spec.
  optimizeDeps: { entries: ['index.html', 'e2e/gpu/*.html'] },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
