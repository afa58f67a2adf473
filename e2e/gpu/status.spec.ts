/**
 * GPU and CPU engines report the same statuses on the default race of every built-in surface,
 * stepped as the app steps them (e2e/gpu/status.harness.ts).
 *
 * Tolerances: surfaces built from + − × ÷ √ min max select are bit-exact between the engines
 * on SwiftShader (README, "Precision"), so every run's status (kind, step, reason) must be
 * equal after every call. Where sin/cos/exp appear (Rastrigin, Ackley, two wells), WGSL leaves
 * their accuracy to the platform and trajectories differ in the last bits: a run that
 * oscillates into its minimum (momentum, RMSprop, Adam) may then cross the gradient tolerance
 * a step or two apart, so those runs must end with the same kind and reason and steps within
 * STEP_TOL. Gradient descent contracts monotonically on Rastrigin: its status must be exact
 * (it converged at step 30 on the CPU and ran on for ever on WebGPU while the app's gradTol was
 * 1e-4, below what float32 resolves there: src/store/defaults.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunStatus } from '../../src/core/experiment';

const STEP_TOL = 3;

async function open(page: Page): Promise<boolean> {
  await page.goto('/e2e/gpu/status.html');
  await page.waitForFunction(() => 'statusHarness' in window);
  return (await page.evaluate(() => window.statusHarness.adapter())) !== null;
}

type Result = {
  objective: string; transcendental: boolean; optimizers: string[]; validation: string | null;
  finals: { gpu: RunStatus; cpu: RunStatus }[];
  disagreements: { run: number; step: number; gpu: string; cpu: string }[];
};

const stepOf = (s: RunStatus): number => (s.kind === 'running' ? -1 : s.step);
const reasonOf = (s: RunStatus): string => (s.kind === 'diverged' ? s.reason : '');

test.describe('GPU status parity', () => {
  test('default race of every built-in surface: GPU statuses and status steps equal the CPU engine', async ({ page }) => {
    test.setTimeout(300_000);
    test.skip(!(await open(page)), 'no WebGPU adapter');
    const results = (await page.evaluate(() => window.statusHarness.defaultRaces(null as never, null as never))) as Result[];
    expect(results.length).toBe(12);
    for (const r of results) {
      expect(r.validation, r.objective).toBeNull();
      expect(r.finals.length, r.objective).toBe(4);
      if (!r.transcendental) {
        expect(r.disagreements, r.objective).toEqual([]);
        continue;
      }
      r.finals.forEach(({ gpu, cpu }, i) => {
        const what = `${r.objective} ${r.optimizers[i]}: gpu ${JSON.stringify(gpu)}, cpu ${JSON.stringify(cpu)}`;
        expect([gpu.kind, reasonOf(gpu)], what).toEqual([cpu.kind, reasonOf(cpu)]);
        expect(Math.abs(stepOf(gpu) - stepOf(cpu)), what).toBeLessThanOrEqual(STEP_TOL);
      });
    }
    const rastrigin = results.find((r) => r.objective === 'rastrigin')!;
    const gd = rastrigin.optimizers.indexOf('gd');
    expect(rastrigin.disagreements.filter((d) => d.run === gd), 'rastrigin gd').toEqual([]);
    expect(rastrigin.finals[gd].gpu.kind).toBe('converged');
    // The saddle's momentum run diverges on both engines when its loss runs away.
    const saddle = results.find((r) => r.objective === 'saddle')!;
    const m = saddle.optimizers.indexOf('momentum_ema');
    expect(saddle.finals[m].gpu).toEqual(saddle.finals[m].cpu);
    expect(reasonOf(saddle.finals[m].gpu)).toBe('loss');
  });

  test('an infinite loss reads "inf" on both engines, a runaway loss "loss" (custom 1/0, the saddle with a wide bound)', async ({ page }) => {
    test.setTimeout(120_000);
    test.skip(!(await open(page)), 'no WebGPU adapter');
    const r = (await page.evaluate(() => window.statusHarness.special())) as { name: string; gpu: RunStatus[]; cpu: RunStatus[]; validation: string | null }[];
    for (const c of r) {
      expect(c.validation, c.name).toBeNull();
      expect(c.gpu, c.name).toEqual(c.cpu);
    }
    expect(r[0].gpu.map(reasonOf)).toEqual(['inf', 'inf']);
    expect(r[1].gpu.map(reasonOf)).toEqual(['loss', 'loss']);
  });
});
