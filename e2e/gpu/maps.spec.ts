/**
 * Maps on real WebGPU (SwiftShader in headless Chromium): the hyperparameter map (Adam, lr ×
 * β1 on Rosenbrock, 24 × 20 cells, 150 steps) and the basin map (GD on Himmelblau, 40 × 30
 * starts, 300 steps) from the GPU engine's chunked throughput mode equal the CPU engine's f32
 * population cell by cell (position, loss, status: Rosenbrock and Himmelblau are polynomials,
 * so bit for bit); a cancelled 64 × 64 × 5,000-step job stops after the chunk in flight, leaves
 * nothing queued on the GPU, and makes no further call.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

async function open(page: Page): Promise<void> {
  await page.goto('/e2e/gpu/maps.html');
  await page.waitForFunction(() => 'mapsHarness' in window, null, { timeout: 60_000 });
}

test.describe('GPU maps', () => {
  for (const kind of ['hyper', 'basin'] as const) {
    test(`${kind} map: GPU cells equal the CPU f32 population`, async ({ page }) => {
      test.setTimeout(180_000);
      await open(page);
      const r = await page.evaluate((k) => window.mapsHarness.agreement(k), kind);
      requireAdapter(r !== null);
      console.log(`${kind}: ${r!.runs} runs, ${r!.chunks} chunks, ${r!.ms.toFixed(0)} ms, ${r!.mismatches} mismatches`);
      expect(r!.validation).toBeNull();
      expect(r!.mismatches, r!.first ?? '').toBe(0);
      expect(r!.statusMismatch).toBe(0);
      expect(r!.chunks).toBeGreaterThan(1);
    });
  }

  test('cancel: no chunk after it and nothing left running on the GPU', async ({ page }) => {
    test.setTimeout(180_000);
    await open(page);
    const r = await page.evaluate(() => window.mapsHarness.cancel());
    requireAdapter(r !== null);
    console.log(`cancel at step ${r!.done} of ${r!.total}; queue idle after ${r!.idleMs.toFixed(1)} ms`);
    expect(r!.result).toBeNull();
    expect(r!.done).toBeLessThan(r!.total);
    expect(r!.callsAfter).toBe(r!.callsAtCancel);
    expect(r!.idleMs).toBeLessThan(250);
  });
});
