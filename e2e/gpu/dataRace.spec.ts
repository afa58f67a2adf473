/**
 * Dataset races on the GPU engine, in real WebGPU (SwiftShader in headless Chromium): the full-
 * batch sums on the GPU (per-sample kernel + fixed-order tree reduction), the host's f32 step.
 * Linear regression (a polynomial loss): every recorded value of every run — full batch, a
 * mini-batch of Adam, SGD with momentum, SAG, SVRG and a diverging run — equals the CPU engine's
 * float32 race bit for bit, and so do the ensemble's band and its cloud of 64 members.
 * Logistic regression (exp, log): within 1e-5 relative over 40 steps (measured 8.6e-8) (the kernels differ from
 * Math.exp/Math.log by a few ulp per sample, see dataset.spec.ts; the race carries that).
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';
import type { DataRaceCase, DataRaceResult } from './dataRace.harness';

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/dataRace.html');
  await page.waitForFunction(() => 'dataRaceHarness' in window, null, { timeout: 60_000 });
  return page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null);
}

async function run(page: Page, c: DataRaceCase): Promise<DataRaceResult> {
  const res = await page.evaluate((cc) => window.dataRaceHarness.runCase(cc), c);
  requireAdapter(res !== null);
  console.log(`${c.objective} n=${c.n} steps=${c.steps}: ${res!.compared} values, ${res!.mismatches} mismatches (max rel ${res!.maxRel.toExponential(2)}), gpu ${res!.gpuMs.toFixed(0)} ms`);
  expect(res!.validation).toBeNull();
  return res!;
}

test.describe('GPU dataset races', () => {
  test('linear regression: every method and an SGD ensemble of 64 seeds equal the CPU f32 race bit for bit', async ({ page }) => {
    test.setTimeout(180_000);
    requireAdapter(await open(page));
    const r = await run(page, { objective: 'linear_regression', n: 300, steps: 60, calls: [1, 13, 46], seeds: 64 });
    expect(r.runs).toBe(6);
    expect(r.compared).toBeGreaterThan(6 * 60 * 4);
    expect(r.mismatches, r.first ?? '').toBe(0);
    expect(r.statusMismatch).toBe(0);
    // The band is there every step, the cloud holds every member and the members really spread.
    expect(r.bandSteps).toBe(60);
    expect(r.cloudSize).toBe(64);
    expect(r.spread).toBeGreaterThan(0);
  });

  test('a dataset of 100,000 samples resident on the GPU: bit for bit over 8 steps', async ({ page }) => {
    test.setTimeout(180_000);
    requireAdapter(await open(page));
    const r = await run(page, { objective: 'linear_regression', n: 100_000, steps: 8, calls: [3, 5] });
    expect(r.mismatches, r.first ?? '').toBe(0);
    expect(r.statusMismatch).toBe(0);
  });

  test('logistic regression: within 1e-5 of the CPU f32 race', async ({ page }) => {
    test.setTimeout(180_000);
    requireAdapter(await open(page));
    const r = await run(page, { objective: 'logistic_regression', n: 500, steps: 40, calls: [40] });
    expect(r.maxRel, r.first ?? '').toBeLessThanOrEqual(1e-5);
    expect(r.compared).toBe(6 * 40 * 4);
    expect(r.statusMismatch).toBe(0);
  });
});
