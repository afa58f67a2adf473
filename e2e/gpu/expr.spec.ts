/**
 * Formula compiler on real WebGPU (SwiftShader in headless Chromium): for each formula the
 * emitted WGSL `f`/`grad` and the fused `fg` (what the step kernel calls) run at 1000 seeded
 * points, params from the storage buffer objParams, and are compared with
 * CompiledFormula.evaluate32 on the same float32 inputs.
 * - Non-transcendental formulas (+ - * / sqrt abs min max select only): bit-exact, as float32.
 * - Transcendental ones: within a per-case tolerance derived from WGSL's accuracy table.
 * Plus: a broken shader must surface as a compilation error, and the raw f32 ops are probed.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';
import type { Comparison, ExprCase } from './expr.harness';

/*
 * Transcendental formulas compare within `tol`, an error bound on |gpu - cpu| / max(1, |cpu|).
 * GPU sin/cos/exp/log/tan/tanh are not correctly rounded, and evaluate32 rounds the float64
 * Math results, so they differ; the difference then flows through the following f32 ops.
 * WGSL's accuracy table bounds it: sin/cos absolute error 2^-11 (≈4.9e-4) on [-pi, pi]; tan
 * and tanh inherit theirs from sin/cos (sinh/cosh); exp 3 + 2|x| ulp, log 3 ulp (2^-21 absolute
 * near 1). So:
 * - exp/log/pow only: 1e-5 (a few ulp through a handful of ops; SwiftShader measured ≤ 4.1e-7);
 * - sin/cos/tan/tanh: 2^-11 times the largest factor the chain rule multiplies it by, times 2
 *   for margin; SwiftShader is near the bound (sin cos measured 3.7e-4, Ackley 6.0e-4).
 * A wrong operation or operand is off by orders more (1e-2..1), so these still catch bugs.
 */
const EXP_LOG_TOL = 1e-5;
const TRIG_TOL = 2 * 2 ** -11;

const POINTS = 1000;

/** `tol`: only for transcendental formulas (see above); others must match bit for bit. */
type NamedCase = Omit<ExprCase, 'points' | 'seed'> & { name: string; tol?: number };

const BASE: readonly NamedCase[] = [
  { name: 'Rosenbrock (params a, b)', source: '(a-x)^2 + b*(y-x^2)^2', params: { a: 1, b: 100 }, box: [-2, 2] },
  { name: 'Beale', source: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2', box: [-4.5, 4.5] },
  { name: 'Himmelblau', source: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', box: [-5, 5] },
  { name: 'Matyas (inexact literals)', source: '0.26*(x^2 + y^2) - 0.48*x*y', box: [-10, 10] },
  { name: 'rational with x^8 and x^-2', source: '(x*y - 1) / (x^2 + y^2 + 1) + x^8/1000 + 0.1*y^-2', box: [-3, 3] },
  {
    name: 'sqrt abs min max',
    source: 'sqrt(x^2 + y^2 + eps) + abs(x - y) + min(x, 2*y) / max(1 + x^2, y) + k*sqrt(abs(x*y))',
    params: { eps: 0.01, k: 0.5 },
    box: [-3, 3],
  },
  // Shapes SwiftShader's SPIR-V optimizer reassociates (a*b + a*c, constant chains, x/c)
  // unless the emitter's min(v, v) barriers and the x/c -> x*(1/c) lowering are in place.
  { name: 'reassociation traps: factoring', source: 'x*y + x*(y*y) - ((x + 0.1) + 0.7) + (x - a)*b', params: { a: 0.3, b: 7 }, box: [-3, 3] },
  { name: 'reassociation traps: constants', source: 'x*0.1*0.3 + 0.3/(x*7) + x*y/3 + (0.1 - y) + 0.2', box: [-3, 3] },
  { name: 'sin cos', source: 'sin(x)*cos(y) + 0.1*(x^2 + y^2)', box: [-3, 3], tol: TRIG_TOL },
  { name: 'exp log', source: 'exp(-(x^2 + y^2)/2) * log(1 + x^2) + log(2 + y)', box: [-1.5, 1.5], tol: EXP_LOG_TOL },
  { name: 'tan tanh', source: 'tanh(x*y) + tan(x/3) * w', params: { w: 2 }, box: [-3, 3], tol: 2 * TRIG_TOL }, // w = 2 doubles tan's error
  { name: 'Ackley', source: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20', box: [-2, 2],
    // The gradient multiplies cos/sin(2 pi x) errors by 0.5 * 2pi * exp(<=1) ≈ 8.5.
    tol: 8.5 * TRIG_TOL },
  { name: 'real powers', source: 'x^1.5 + 2^y + x^y', box: [0.1, 3], tol: EXP_LOG_TOL },
];

const CASES: ReadonlyArray<ExprCase & { name: string; tol?: number }> = BASE.map((c, i) => ({ ...c, points: POINTS, seed: 1000 + i }));

test.describe.configure({ mode: 'serial' });

let page: Page;
let hasAdapter = false;

async function openHarness(): Promise<void> {
  await page.goto('/e2e/gpu/expr.html');
  await page.waitForFunction(() => 'exprHarness' in window, null, { timeout: 60_000 });
  hasAdapter = await page.evaluate(() => window.exprHarness.hasAdapter());
}

/**
 * page.evaluate, reopening the harness once if the dev server reloaded the page meanwhile
 * (Vite full-reloads open pages when it re-optimises dependencies, e.g. while others edit).
 */
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
  await openHarness();
});

test.afterAll(async () => {
  await page?.close();
});

test('a broken shader is reported as a compilation error', async () => {
  requireAdapter(hasAdapter);
  const r = await inHarness(() => page.evaluate(() => window.exprHarness.brokenShader()));
  expect(r.compileErrors.length).toBeGreaterThan(0);
  expect(r.validationError).not.toBeNull();
});

test('raw f32 + - * / sqrt are correctly rounded on this adapter', async () => {
  requireAdapter(hasAdapter);
  const pairs: number[] = [];
  let s = 12345;
  const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 4096; i++) pairs.push((next() * 20 - 10) * 2 ** Math.floor(next() * 20 - 10), (next() * 20 - 10) * 2 ** Math.floor(next() * 20 - 10));
  for (let i = 0; i < pairs.length; i += 2) pairs[i] = Math.abs(pairs[i]); // sqrt(a) of a >= 0
  const r = await inHarness(() => page.evaluate((p) => window.exprHarness.probeOps(p), pairs));
  test.info().annotations.push({ type: 'ops', description: JSON.stringify(r) });
  for (const op of ['div', 'sqrt', 'mul', 'add', 'sub', 'rcp'] as const) expect(r[op], op).toEqual({ inexact: 0, maxUlp: 0 });
});

for (const c of CASES) {
  test(`WGSL matches evaluate32: ${c.name}`, async () => {
    requireAdapter(hasAdapter);
    const r = await inHarness(() => page.evaluate((cc) => window.exprHarness.runCase(cc), c));
    const fused = r.fused;
    const line = (m: Comparison): string => `mismatches ${m.mismatches} maxUlp ${m.maxUlp} maxRel ${m.maxRelErr.map((v) => v.toExponential(2))} nonFinite ${m.nonFinite}`;
    const summary = `${c.source}: f/grad ${line(r)}; fg ${line(fused)}`;
    test.info().annotations.push({ type: 'parity', description: summary });
    console.log(summary);
    expect(r.compileErrors, r.wgsl).toEqual([]);
    expect(r.validationError).toBeNull();
    expect(r.count).toBe(POINTS);
    for (const [name, m] of [['f/grad', r], ['fg', fused]] as const) {
      const detail = `${name}: ${summary}\n${m.examples.join('\n')}`;
      if (!r.transcendental) {
        expect(m.mismatches, detail).toEqual([0, 0, 0]);
      } else {
        expect(c.tol, 'transcendental cases state a tolerance').toBeDefined();
        for (const e of m.maxRelErr) expect(e, detail).toBeLessThanOrEqual(c.tol ?? 0);
      }
    }
  });
}
