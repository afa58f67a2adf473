import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/browser';

const executablePath = chromiumExecutable();

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
    launchOptions: { executablePath, args: chromiumArgs },
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    { name: 'gpu', testMatch: /gpu\/.*\.spec\.ts/, use: { baseURL: 'http://localhost:5173' } },
    { name: 'app', testMatch: /app\/.*\.spec\.ts/, use: { baseURL: 'http://localhost:4173' } },
  ],
  webServer: [
    { command: 'npx vite --port 5173 --strictPort', url: 'http://localhost:5173/e2e/gpu/harness.html', reuseExistingServer: !process.env.CI, timeout: 120_000 },
    { command: '(test -f dist/index.html || npx vite build) && npx vite preview --port 4173 --strictPort', url: 'http://localhost:4173', reuseExistingServer: !process.env.CI, timeout: 120_000 },
  ],
});
