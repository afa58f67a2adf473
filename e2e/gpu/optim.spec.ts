/**
 * WGSL optimizer twins vs the TS reference in float32 mode, bit for bit, on real WebGPU
 * (SwiftShader in headless Chromium). Each case: 64 start points × 200 steps, on the quadratic
 * x² + 10y² and on Rosenbrock (with gradient clipping), hyperparameters and state in storage
 * buffers. Plus the PCG hash on 10k inputs. The reference rounds with roundF32Ftz: SwiftShader
 * flushes subnormal f32 results to zero (WGSL permits it), which Math.fround alone does not.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';
import type { ParityCase } from './optim.harness';

type Cfg = Omit<ParityCase, 'objective' | 'maxNorm' | 'schedule' | 'steps' | 'runs' | 'seed'>;

const SCHEDULES = {
  constant: { kind: 'constant', step_size: 50, gamma: 0.5, t_max: 200, min_factor: 0, warmup: 0 },
  // pow/cos happen on the CPU; the GPU reads the f32 table, so parity still must be exact.
  cosine: { kind: 'cosine', step_size: 50, gamma: 0.5, t_max: 200, min_factor: 0.1, warmup: 10 },
} as const;

const CASES: Cfg[] = [
  { id: 'gd', hyper: { lr: 0.01, weight_decay: 0.01 } },
  { id: 'sgd', hyper: { lr: 0.002, momentum: 0.9, dampening: 0.1, weight_decay: 0.01 } },
  { id: 'sgd', hyper: { lr: 0.002, momentum: 0.9, nesterov: 1 } },
  { id: 'momentum_ema', hyper: { lr: 0.01, beta: 0.9, weight_decay: 0.01 } },
  { id: 'adagrad', hyper: { lr: 0.1, lr_decay: 0.01, initial_accumulator_value: 0.1, weight_decay: 0.01 } },
  { id: 'rmsprop', hyper: { lr: 0.01, weight_decay: 0.01 } },
  { id: 'rmsprop', hyper: { lr: 0.005, momentum: 0.5, centered: 1 } },
  { id: 'adadelta', hyper: { lr: 1, weight_decay: 0.01 } },
  { id: 'adam', hyper: { lr: 0.01, weight_decay: 0.01 } },
  { id: 'adam', hyper: { lr: 0.01, amsgrad: 1 } },
  { id: 'adamw', hyper: { lr: 0.01, weight_decay: 0.05 } },
  { id: 'adamw', hyper: { lr: 0.01, amsgrad: 1 } },
  { id: 'adamax', hyper: { lr: 0.01, weight_decay: 0.01 } },
  { id: 'nadam', hyper: { lr: 0.01, weight_decay: 0.01 } },
  { id: 'radam', hyper: { lr: 0.01, beta2: 0.99, weight_decay: 0.01 } },
  { id: 'lion', hyper: { lr: 0.001, weight_decay: 0.1 } },
];

test.describe.configure({ mode: 'serial' });

let page: Page;
let hasAdapter = false;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.goto('/e2e/gpu/optim.html');
  await page.waitForFunction(() => 'optimHarness' in window, null, { timeout: 60_000 });
  hasAdapter = await page.evaluate(() => window.optimHarness.hasAdapter());
});

test.afterAll(async () => {
  await page?.close();
});

test('pcg_hash, hash2 and uniform01 on the GPU equal the TS on 10k inputs', async () => {
  requireAdapter(hasAdapter);
  const res = await page.evaluate(() => window.optimHarness.hashParity(10_000));
  expect(res).not.toBeNull();
  expect(res!.mismatches, res!.first ?? '').toBe(0);
  expect(res!.total).toBe(30_000);
});

for (const cfg of CASES) {
  for (const objective of ['quadratic', 'rosenbrock'] as const) {
    const name = `${cfg.id} ${JSON.stringify(cfg.hyper)} on ${objective}: GPU == TS float32 bit for bit`;
    test(name, async () => {
      requireAdapter(hasAdapter);
      const c: ParityCase = {
        ...cfg,
        objective,
        // Rosenbrock's gradient reaches the thousands: clip it (this also covers clip.wgsl).
        maxNorm: objective === 'rosenbrock' ? 10 : 0,
        schedule: objective === 'rosenbrock' ? SCHEDULES.cosine : SCHEDULES.constant,
        steps: 200,
        runs: 64,
        seed: 1234,
      };
      const res = await page.evaluate((arg) => window.optimHarness.optimizerParity(arg), c);
      expect(res).not.toBeNull();
      expect(res!.total).toBe(64 * 200 * 2);
      expect(res!.mismatches, `${res!.mismatches} mismatches, max ${res!.maxUlp} ulp; first: ${res!.first}`).toBe(0);
      test.info().annotations.push({ type: 'parity', description: JSON.stringify(res) });
      console.log(`${name}: ${JSON.stringify(res)}`);
    });
  }
}
