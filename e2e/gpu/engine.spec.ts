/**
 * GPU engine vs the CPU float32 reference, in real WebGPU (SwiftShader in headless Chromium).
 *
 * Tolerances: objectives using only + − × ÷ √ min max select must match the simulator's f32
 * mode bit for bit, every step of every run, with optimizer state, gradients and statuses.
 * Objectives with exp/sin/cos (two_wells here) are compared with a relative tolerance of 1e-5
 * (|gpu − cpu| ≤ 1e-5 · (1 + |cpu|)): WGSL leaves those functions' accuracy to the platform
 * (exp: 3 + 2|x| ulp; SwiftShader differs from Math.exp rounded to f32 by a few ulp), so the
 * first evaluation already differs in the last bits; on a run that contracts (small steps
 * into a well) that stays near f32 resolution (measured max 9.4e-7 over 200 steps), while a
 * wrong formula, optimizer or schedule shows up as an O(1e-2..1) difference. Surfaces whose
 * dynamics are chaotic at these step sizes (rastrigin, ackley: cos of large arguments has an
 * absolute error ~1e-3 on SwiftShader) amplify any ulp into a different basin, so they are not
 * a meaningful parity case and are checked by the divergence and scale tests instead.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

const TRANSCENDENTAL_TOL = 1e-5;

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/engine.html');
  await page.waitForFunction(() => 'engineHarness' in window);
  return (await page.evaluate(() => window.engineHarness.adapter())) !== null;
}

test.describe('GPU engine parity', () => {
  test('every optimizer × 6 objectives (2 settings, 2 starts each), 200 steps: GPU trajectories equal the f32 simulator', async ({ page }) => {
    test.setTimeout(240_000);
    requireAdapter(await open(page));
    const objectives = ['quadratic', 'rosenbrock', 'beale', 'himmelblau', 'goldstein_price', 'two_wells'];
    const results = await page.evaluate((o) => window.engineHarness.parity(o as never, 200 as never), objectives) as {
      objective: string; transcendental: boolean; runs: number; mismatches: number; maxRel: number; first: unknown; statusMismatch: number; validation: string | null; sampleSteps: number;
    }[];
    expect(results.map((r) => r.objective)).toEqual(objectives);
    for (const r of results) {
      expect(r.validation, r.objective).toBeNull();
      expect(r.runs).toBe(48);
      expect(r.sampleSteps).toBe(200);
      if (r.transcendental) {
        expect(r.maxRel, `${r.objective}: ${JSON.stringify(r.first)}`).toBeLessThanOrEqual(TRANSCENDENTAL_TOL);
      } else {
        expect(r.mismatches, `${r.objective} first mismatch: ${JSON.stringify(r.first)}`).toBe(0);
        expect(r.statusMismatch, r.objective).toBe(0);
      }
    }
    expect(results.filter((r) => r.transcendental).length).toBeGreaterThanOrEqual(1);
  });

  test('the fast pass (no recording): every optimizer and variant, uneven calls and a restart, equal to the f32 reference after each call', async ({ page }) => {
    test.setTimeout(120_000);
    requireAdapter(await open(page));
    const results = await page.evaluate(() => window.engineHarness.fastParity(['rosenbrock', 'beale'] as never)) as {
      objective: string; runs: number; mismatches: number; first: unknown; statusMismatch: number; validation: string | null;
    }[];
    expect(results.map((r) => r.objective)).toEqual(['rosenbrock', 'beale']);
    for (const r of results) {
      expect(r.validation, r.objective).toBeNull();
      expect(r.runs).toBe(48);
      expect(r.mismatches, `${r.objective} first mismatch: ${JSON.stringify(r.first)}`).toBe(0);
      expect(r.statusMismatch, r.objective).toBe(0);
    }
  });

  test('dispatch boundaries inside a call (7-step dispatches, as a hardware GPU gets at a million runs): recorded, fast and replayed runs equal the f32 reference', async ({ page }) => {
    test.setTimeout(180_000);
    requireAdapter(await open(page));
    // A software adapter loops a whole call in one dispatch; a hardware GPU splits it (2^25
    // run-steps per dispatch: 32 steps at a million runs), so each dispatch starts from what the
    // previous one stored, and the replay of a status event covers only its own dispatch.
    const recorded = await page.evaluate(() => window.engineHarness.parity(['rosenbrock'] as never, 50 as never, 7 as never)) as {
      mismatches: number; first: unknown; statusMismatch: number; validation: string | null; sampleSteps: number;
    }[];
    expect(recorded[0].validation).toBeNull();
    expect(recorded[0].sampleSteps).toBe(50);
    expect(recorded[0].mismatches, JSON.stringify(recorded[0].first)).toBe(0);
    expect(recorded[0].statusMismatch).toBe(0);
    const fast = await page.evaluate(() => window.engineHarness.fastParity(['rosenbrock'] as never, 7 as never)) as { mismatches: number; first: unknown; statusMismatch: number; validation: string | null }[];
    expect(fast[0].validation).toBeNull();
    expect(fast[0].mismatches, JSON.stringify(fast[0].first)).toBe(0);
    expect(fast[0].statusMismatch).toBe(0);
    const div = await page.evaluate(() => window.engineHarness.divergence(7 as never)) as { objective: string; later: Record<string, number>; disagree: number; valueMismatch: number; validation: string | null }[];
    for (const r of div) {
      expect(r.validation, r.objective).toBeNull();
      expect(Object.keys(r.later).length, `${r.objective}: flags after step 0`).toBeGreaterThan(0);
      expect(r.disagree, r.objective).toBe(0);
      expect(r.valueMismatch, r.objective).toBe(0);
    }
  });

  test('divergence flags and their steps agree between the GPU and CPU engines, and so do the values (fast pass and replays)', async ({ page }) => {
    test.setTimeout(120_000);
    requireAdapter(await open(page));
    const results = await page.evaluate(() => window.engineHarness.divergence()) as {
      objective: string; count: number; kinds: Record<string, number>; later: Record<string, number>; disagree: number; valueMismatch: number; validation: string | null;
    }[];
    const seen = new Set<string>();
    for (const r of results) {
      expect(r.validation, r.objective).toBeNull();
      expect(Object.keys(r.later).length, `${r.objective}: flags after step 0`).toBeGreaterThan(0);
      expect(r.disagree, `${r.objective}: ${JSON.stringify(r.kinds)}`).toBe(0);
      // x, y, loss, ‖g‖ after each of the three calls, bit for bit (these objectives use only
      // exact operations), frozen runs included.
      expect(r.valueMismatch, `${r.objective}: values differing from the f32 reference`).toBe(0);
      Object.keys(r.kinds).forEach((k) => seen.add(k));
    }
    // The cases are built to produce every outcome; a test that saw none would prove nothing.
    for (const k of ['diverged:bound', 'diverged:nan', 'diverged:inf', 'converged', 'running']) expect([...seen], k).toContain(k);
  });
});
