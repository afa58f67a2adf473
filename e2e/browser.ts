import { existsSync } from 'node:fs';

/**
 * Which Chromium to drive. Debian's /usr/bin/chromium on CI and dev boxes (Playwright's own
 * browser download is not reachable there); CHROMIUM_PATH overrides; otherwise undefined lets
 * Playwright use its own installed browser (a developer's laptop).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
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
