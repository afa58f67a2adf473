/**
 * Dataset batch gradients on real WebGPU (SwiftShader in headless Chromium): the per-sample
 * kernel and the fixed-order tree reduction (src/engine/gpu/dataset, shaders/dataset) vs the
 * CPU reference of e2e/gpu/dataset.harness.ts (evaluate32 per sample, treeSum in f32, then the
 * mean), for [mean ℓ, mean ∂ℓ/∂w, mean ∂ℓ/∂b] per run.
 * - Linear regression (a polynomial: + - * only): bit-exact, as float32 (−0 ≠ +0 included).
 * - Logistic regression (exp, log): |gpu − cpu| / max(1, |cpu|) ≤ 1e-5. WGSL's exp and log are
 *   not correctly rounded (exp 3 + 2|x| ulp, log 3 ulp; |x| ≤ ~20 here) while evaluate32 rounds
 *   Math.exp/Math.log, so single samples differ by a few ulp (~1e-6 relative at most); the mean
 *   of those errors is no larger, and both sides sum in the same order. A wrong operand, a lost
 *   sample or a wrong order is off by far more (the order check below: ~1e-4 and up).
 * Every case runs inside a validation error scope, and destroys its buffers.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';
import type { DatasetCase, DatasetResult } from './dataset.harness';

const LOGISTIC_TOL = 1e-5;

test.describe.configure({ mode: 'serial' });

let page: Page;
let hasAdapter = false;

async function openHarness(): Promise<void> {
  await page.goto('/e2e/gpu/dataset.html');
  await page.waitForFunction(() => 'datasetHarness' in window, null, { timeout: 60_000 });
  hasAdapter = await page.evaluate(() => window.datasetHarness.hasAdapter());
}

/** page.evaluate, reopening the harness once if the dev server reloaded the page meanwhile. */
async function inHarness<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (e) {
    if (!String(e).includes('Execution context was destroyed')) throw e;
    await openHarness();
    return call();
  }
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await openHarness();
});

test.afterAll(async () => {
  await page?.close();
});

async function run(c: DatasetCase): Promise<DatasetResult> {
  requireAdapter(hasAdapter);
  const res = await inHarness(() => page.evaluate((cc) => window.datasetHarness.runCase(cc), c));
  const summary = `${c.loss} n=${c.n} runs=${c.thetas.length}: mismatches ${res.mismatches}, maxRel ${res.maxRelErr.toExponential(2)}, gpu ${res.gpuMs.toFixed(0)} ms; run 0 gpu ${res.gpu[0]} cpu ${res.cpu[0]}`;
  test.info().annotations.push({ type: 'parity', description: summary });
  console.log(summary);
  expect(res.validationError).toBeNull();
  expect(res.rejectsAfterDestroy).toBe(true);
  expect(res.gpu.length).toBe(c.thetas.length);
  for (const row of res.cpu) for (const v of row) expect(Number.isFinite(v), 'the reference is finite').toBe(true);
  return res;
}

function expectBitExact(res: DatasetResult): void {
  expect(res.mismatches, JSON.stringify({ gpu: res.gpu, cpu: res.cpu })).toBe(0);
}

const THETAS: readonly (readonly [number, number])[] = [[0.3, -0.7], [1.5, -0.5], [-2.25, 1.125], [0, 0], [10, -3], [0.01, 0.02], [-1, 4], [3.75, 0.1]];

test('the adapter binds a million-sample column', async () => {
  requireAdapter(hasAdapter);
  const most = await inHarness(() => page.evaluate(() => window.datasetHarness.maxStorageBufferBindingSize()));
  expect(most).toBeGreaterThanOrEqual(4 * 1_000_000);
});

for (const n of [1, 7, 255, 256, 257, 65_537]) {
  test(`linear regression, full batch of ${n.toLocaleString('en-US')}: bit-exact`, async () => {
    expectBitExact(await run({ loss: 'linear', n, seed: 100 + n, thetas: THETAS.slice(0, 3), batches: [{ count: n }] }));
  });
}

test('linear regression, full batch of 1,000,000: bit-exact', async () => {
  test.setTimeout(240_000);
  expectBitExact(await run({ loss: 'linear', n: 1_000_000, seed: 7, thetas: THETAS.slice(0, 2), batches: [{ count: 1_000_000 }] }));
});

test('eight runs with different θ and batch sizes in one dispatch: bit-exact, and the runs differ', async () => {
  const n = 3000;
  const res = await run({
    loss: 'linear', n, seed: 11, thetas: THETAS,
    batches: [{ count: n }, { count: 1 }, { count: 257 }, { count: 2999 }, { count: 256 }, { count: n }, { count: 512 }, { count: 7 }],
  });
  expectBitExact(res);
  // Each run got its own θ and batch: no two runs' results coincide.
  expect(new Set(res.gpu.map((v) => v.join(','))).size).toBe(THETAS.length);
});

test('mini-batches from index lists with repeats: bit-exact', async () => {
  const n = 5000;
  const res = await run({
    loss: 'linear', n, seed: 12, thetas: THETAS.slice(0, 5),
    batches: [{ indices: [3, 3, 3, 0, 4999, 3] }, { draws: 64, seed: 1 }, { draws: 300, seed: 2 }, { draws: 4096, seed: 3 }, { draws: 70_000, seed: 4 }],
  });
  expectBitExact(res);
  expect(res.batchesWithRepeats).toBeGreaterThanOrEqual(4);
});

test('a sum of −0 stays −0 where treeSum keeps it, also beside a larger batch that needs more levels', async () => {
  const res = await run({
    loss: 'linear', n: 70_000, seed: 0, data: 'signedZeros', thetas: [[0, 0], [0, 0], [0, 0], [0, 0]],
    batches: [{ count: 70_000 }, { count: 256 }, { count: 65_536 }, { count: 100 }],
  });
  expectBitExact(res);
  // Full blocks only (256, 65,536): −0; a padded block: +0. Not copied from the GPU code: the
  // sign rule of IEEE addition (−0 + −0 = −0, −0 + +0 = +0) through treeSum's tree.
  expect(res.gpu.map((v) => Object.is(v[1], -0))).toEqual([false, true, true, false]);
});

test(`logistic regression, full batch of 65,537 and mini-batches: within ${LOGISTIC_TOL} relative`, async () => {
  const n = 65_537;
  const res = await run({
    loss: 'logistic', n, seed: 21, thetas: THETAS.slice(0, 4),
    batches: [{ count: n }, { draws: 1000, seed: 5 }, { count: 300 }, { draws: 70_000, seed: 6 }],
  });
  expect(res.maxRelErr).toBeLessThanOrEqual(LOGISTIC_TOL);
});

test('a wrong summation order would be caught: the GPU equals the tree sum, not the sequential sum', async () => {
  requireAdapter(hasAdapter);
  const r = await inHarness(() => page.evaluate(() => window.datasetHarness.orderCase(100_000, 31)));
  const summary = `order n=${r.n}: sequential ${r.sequential}, tree ${r.tree}, gpu ${r.gpu}`;
  test.info().annotations.push({ type: 'order', description: summary });
  console.log(summary);
  expect(r.validationError).toBeNull();
  // The input is one where order matters: every component's sequential sum differs from the tree's.
  for (let k = 0; k < 3; k++) expect(r.sequential[k], `component ${k}`).not.toBe(r.tree[k]);
  expect(r.gpu).toEqual(r.tree);
});
