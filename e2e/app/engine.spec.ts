import { expect, test } from '@playwright/test';
import { requireAdapter } from '../adapter';
import { waitForStep } from './fixtures';

test('the auto engine runs on WebGPU when an adapter exists, and says which', async ({ page }) => {
  await page.goto('/?lang=en');
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  requireAdapter(hasAdapter);
  const badge = page.getByTestId('engine-badge');
  await expect(badge).toHaveAttribute('data-kind', 'gpu', { timeout: 60_000 });
  await expect(badge).toContainText('WebGPU');
  await expect(page.getByTestId('engine-adapter')).not.toHaveText('');
  await waitForStep(page, 20, 60_000);
  await expect(page.getByTestId('engine-rate')).not.toHaveText(/^0 /, { timeout: 30_000 });
});

test('the engine switch moves a race to the CPU and back without losing it', async ({ page }) => {
  await page.goto('/?lang=en&engine=cpu');
  const badge = page.getByTestId('engine-badge');
  await expect(badge).toHaveAttribute('data-kind', 'cpu');
  await waitForStep(page, 30, 60_000);
  // Once configured, the tooltip names the step code the race really runs: its runs are all
  // drawn every step, so they step on the JS path, never a WebAssembly kernel (those step
  // large unrecorded populations), even on Rosenbrock, whose optimizers have kernels.
  await expect(badge).toHaveAttribute('title', /CPU, \d+ workers? \(f32, JS\)$/);
  await expect(page.getByTestId('engine-adapter')).not.toContainText(/wasm|SIMD/i);
  await page.getByTestId('engine-select').selectOption('auto');
  await expect(page.getByTestId('engine-select')).toHaveValue('auto');
  // With an adapter it switches to the GPU; without one it stays on the CPU, quietly.
  await expect(badge).toHaveAttribute('data-kind', /cpu|gpu/);
  await page.getByTestId('engine-select').selectOption('cpu');
  await expect(badge).toHaveAttribute('data-kind', 'cpu', { timeout: 60_000 });
  await expect(page.getByTestId('fault-banner')).toHaveCount(0);
});
