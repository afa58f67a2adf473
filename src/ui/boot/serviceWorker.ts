/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline support: registers the service worker that vite-plugin-pwa generates (it precaches
 * the whole build), so the app opens with no network after the first visit. Production builds
 * only: the dev server (and the GPU test harness pages it serves) never get a worker.
 *
 * `autoUpdate`: a new deploy installs in the background and takes over; the page then reloads
 * once, and the experiment comes back from the link and localStorage. Where service workers
 * are unavailable (file://, blocked by policy or privacy settings) the app stays online-only.
 */
import { registerSW } from 'virtual:pwa-register';

/** Logs why offline mode is off; not an error for the user, the app works while online. */
function reportUnavailable(reason: unknown): void {
  console.info('Gradscape: offline mode unavailable, service worker not registered:', reason);
}

/** Registers the service worker in production builds where the browser allows it. */
export function installServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!('serviceWorker' in navigator)) return reportUnavailable('no navigator.serviceWorker');
    registerSW({ onRegisterError: reportUnavailable });
  } catch (error) {
    // Some browsers throw on merely touching navigator.serviceWorker when storage is blocked.
    reportUnavailable(error);
  }
}
