// Which Chromium drives the tests and benchmarks, and with which flags: one place for
// playwright.config.ts, scripts/bench.mjs and scripts/bench-ui.mjs (types: browser.d.mts).
import { existsSync } from 'node:fs';

/**
 * Debian's /usr/bin/chromium on CI and dev boxes (Playwright's own browser download is not
 * reachable there); CHROMIUM_PATH overrides; otherwise undefined lets Playwright use its own
 * installed browser (a developer's laptop).
 * @returns {string | undefined}
 */
export function chromiumExecutable() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

/** Flags that give headless Chromium WebGPU (SwiftShader without a GPU) and keep it offline. */
export const chromiumArgs = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
