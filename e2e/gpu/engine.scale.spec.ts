/**
 * Engine behaviour at scale and under faults, in real WebGPU (SwiftShader here): 100,000
 * parallel runs, device loss mid-run, the CPU engine's workers, and the user's engine switch.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

/** Console errors other than the dev server's missing favicon. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/engine.html');
  await page.waitForFunction(() => 'engineHarness' in window);
  return (await page.evaluate(() => window.engineHarness.adapter())) !== null;
}

test('100,000 parallel runs complete and a sampled subset equals the f32 simulator', async ({ page }) => {
  test.setTimeout(120_000);
  requireAdapter(await open(page));
  const r = await page.evaluate(() => window.engineHarness.many(100_000 as never, 100 as never, 96 as never)) as {
    step: number; runs: number; finite: number; mismatches: number; first: unknown; samples: number; validation: string | null;
  };
  expect(r.validation).toBeNull();
  expect(r.step).toBe(100);
  expect(r.runs).toBe(100_000);
  expect(r.finite).toBe(100_000);
  expect(r.samples).toBe(16 * 100); // recordRuns 16 × 100 steps
  expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
});

test('device loss mid-run: one readable fault, the CPU engine takes over, the run ends as an uninterrupted one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  requireAdapter(await open(page));
  const r = await page.evaluate(() => window.engineHarness.deviceLoss('rosenbrock' as never, 60 as never, 60 as never)) as {
    kind: string; faults: { reason: string; message: string }[]; steps: number[]; contiguous: boolean; sampleCount: number; mismatches: number; first: unknown;
  };
  expect(r.kind).toBe('cpu');
  expect(r.faults).toHaveLength(1);
  expect(r.faults[0].reason).toBe('device-lost');
  expect(r.faults[0].message).toMatch(/device was lost.*Continuing on the CPU engine/i);
  expect(r.steps).toEqual([60, 90, 120]);
  expect(r.contiguous).toBe(true);
  expect(r.sampleCount).toBe(121);
  expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
  expect(errors).toEqual([]);
});

test('CPU engine: replicas split over workers equal the simulator from the same starts', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  const r = await page.evaluate(() => window.engineHarness.cpuWorkers(5000 as never, 50 as never)) as {
    adapter: string; runs: number; sampleShape: number[]; mismatches: number; first: unknown;
  };
  expect(r.runs).toBe(5000);
  expect(r.sampleShape).toEqual([50, 5 * 50]);
  expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
});

test('engine switch GPU → CPU → GPU continues the same experiment bit for bit', async ({ page }) => {
  test.setTimeout(120_000);
  requireAdapter(await open(page));
  const r = await page.evaluate(() => window.engineHarness.switchEngines(40 as never)) as { kinds: string[]; step: number; mismatches: number; first: unknown };
  expect(r.kinds).toEqual(['gpu', 'cpu', 'gpu']);
  expect(r.step).toBe(120);
  expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
});
