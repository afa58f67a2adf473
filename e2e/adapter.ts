import { test } from '@playwright/test';

/**
 * Guards a GPU test on the page's WebGPU adapter. Without one it skips on a laptop (saying how
 * to make it run) but FAILS when CI=true: in CI a skipped proof is no proof, and a missing
 * adapter there means Chromium lost `--enable-unsafe-webgpu` or SwiftShader.
 */
export function requireAdapter(adapter: unknown): void {
  if (adapter) return;
  if (process.env.CI) {
    throw new Error('No WebGPU adapter in CI: GPU specs must run (Chromium needs --enable-unsafe-webgpu)');
  }
  test.skip(true, 'no WebGPU adapter (with CI=true this is a failure)');
}
