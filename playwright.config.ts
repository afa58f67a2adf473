import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/browser.mjs';

const executablePath = chromiumExecutable();
// Ports are configurable so a second checkout can run its tests beside a running dev server.
const devPort = Number(process.env.GS_DEV_PORT ?? 5173);
const previewPort = Number(process.env.GS_PREVIEW_PORT ?? 4173);

/**
 * Two projects:
 * - `gpu`: WebGPU kernel tests on a harness page served by the Vite dev server (real WebGPU;
 *   SwiftShader when there is no GPU). They import src/ modules directly.
 * - `app`: the built app (vite preview), driven as a person would.
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  outputDir: 'test-results/playwright-artifacts',
  workers: process.env.CI ? 1 : 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: { executablePath, args: [...chromiumArgs] },
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    { name: 'gpu', testMatch: /gpu\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${devPort}` } },
    { name: 'app', testMatch: /app\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${previewPort}` } },
  ],
  webServer: [
    { command: `npx vite --port ${devPort} --strictPort`, url: `http://localhost:${devPort}/e2e/gpu/harness.html`, reuseExistingServer: !process.env.CI, timeout: 120_000 },
    { command: `(test -f dist/index.html || npx vite build) && npx vite preview --port ${previewPort} --strictPort`, url: `http://localhost:${previewPort}`, reuseExistingServer: !process.env.CI, timeout: 120_000 },
  ],
});
