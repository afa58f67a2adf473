/**
 * Every optimizer with the step kernel's CLIP and SCHEDULE flags off (no clipping, constant
 * schedule), on quadratic and Rosenbrock (only + − × ÷ √ min max select: bit-exact territory),
 * 200 steps: the GPU engine's samples at every step, the final optimizer state and statuses
 * equal createSimulation(exp, 'f32') bit for bit.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/optimizers.flagsoff.html');
  await page.waitForFunction(() => 'flagsOffHarness' in window);
  return (await page.evaluate(() => window.flagsOffHarness.adapter())) !== null;
}

test('every optimizer and variant, flags off, 200 steps on quadratic and rosenbrock: GPU equals the f32 simulator at every step', async ({ page }) => {
  test.setTimeout(180_000);
  requireAdapter(await open(page));
  const objectives = ['quadratic', 'rosenbrock'];
  const results = await page.evaluate((o) => window.flagsOffHarness.flagsOff(o as never, 200 as never), objectives) as {
    objective: string; runs: number; flags: { optimizer: string; clip: boolean; schedule: boolean }[]; sampleSteps: number; contiguous: boolean;
    mismatches: number; first: unknown; statusMismatch: number; running: number; validation: string | null;
  }[];
  expect(results.map((r) => r.objective)).toEqual(objectives);
  for (const r of results) {
    expect(r.validation, r.objective).toBeNull();
    expect(r.runs).toBe(18);
    // All 12 optimizers present, each specialised with both flags off (else this tests nothing new).
    expect(r.flags).toHaveLength(12);
    for (const f of r.flags) expect(f, `${r.objective}/${f.optimizer}`).toMatchObject({ clip: false, schedule: false });
    expect(r.sampleSteps).toBe(201);
    expect(r.contiguous).toBe(true);
    expect(r.mismatches, `${r.objective} first mismatch: ${JSON.stringify(r.first)}`).toBe(0);
    expect(r.statusMismatch, r.objective).toBe(0);
  }
  // Most runs still move after 200 steps: the comparison covers real trajectories, not frozen ones.
  expect(results.reduce((n, r) => n + r.running, 0)).toBeGreaterThan(18);
});
