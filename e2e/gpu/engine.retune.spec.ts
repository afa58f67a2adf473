/**
 * retune ("continue with the new value") and restartRun ("restart that run") on the GPU engine
 * equal the simulator's f32 mode bit for bit (rosenbrock: + − × ÷ only), every snapshot and
 * every sample; after a device loss the resilient engine replays the same history on the CPU.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/engine.retune.html');
  await page.waitForFunction(() => 'retuneHarness' in window);
  return (await page.evaluate(() => window.retuneHarness.adapter())) !== null;
}

test('GPU after retunes and per-run restarts equals the f32 simulator bit for bit', async ({ page }) => {
  test.setTimeout(120_000);
  requireAdapter(await open(page));
  const r = await page.evaluate(() => window.retuneHarness.retuneParity()) as { mismatches: string[]; samples: number; step: number; statuses: string[]; validation: string | null };
  expect(r.validation).toBeNull();
  expect(r.mismatches).toEqual([]);
  expect(r.step).toBe(80);
  expect(r.samples).toBe(80);
  expect(r.statuses).toHaveLength(5);
});

test('device loss after a restartRun and a retune: the CPU replays the history and continues the same race', async ({ page }) => {
  test.setTimeout(120_000);
  requireAdapter(await open(page));
  const r = await page.evaluate(() => window.retuneHarness.resilientReplay()) as { kind: string; faults: string[]; mismatches: string[]; step: number };
  expect(r.faults).toEqual(['device-lost']);
  expect(r.kind).toBe('cpu');
  expect(r.mismatches).toEqual([]);
  expect(r.step).toBe(80);
});
