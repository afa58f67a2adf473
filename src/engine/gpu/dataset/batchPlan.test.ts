import { describe, expect, it } from 'vitest';
import { roundF32Ftz } from '../../../core/f32';
import { REDUCE_WORKGROUP, treeSum } from '../../../core/finiteSum/treeSum';
import { createRng } from '../../../core/rng';
import { invCountF32, levelStrides, planBatches, RUN_BATCH_BYTES, type BatchPlan } from './batchPlan';

const W = REDUCE_WORKGROUP;

/**
 * The kernels' algorithm on the CPU, driven by the plan only (what shaders/dataset/*.wgsl do
 * per workgroup, with f32 additions): the sample pass's blocks, then each reduce pass with its
 * per-run count and the pass-through of a run already summed to one value. One value per slot.
 */
function emulatePlan(plan: BatchPlan, valueOf: (run: number, slot: number) => number, counts: readonly number[]): number[] {
  const blockSum = (get: (i: number) => number, base: number, count: number): number => {
    const a = Array.from({ length: W }, (_, i) => (base + i < count ? get(base + i) : 0));
    for (let s = W >> 1; s >= 1; s >>= 1) for (let i = 0; i < s; i++) a[i] = roundF32Ftz(a[i] + a[i + s]);
    return a[0];
  };
  return Array.from({ length: plan.runs }, (_, r) => {
    let level = Array.from({ length: plan.blocks }, (_, b) => blockSum((j) => valueOf(r, j), b * W, counts[r]));
    let c = counts[r];
    for (const p of plan.passes) {
      c = Math.ceil(c / W);
      const cc = c;
      const inp = level;
      level = Array.from({ length: p.strideOut }, (_, b) => (cc === 1 && b === 0 ? inp[0] : blockSum((j) => inp[j], b * W, Math.min(cc, p.strideIn))));
    }
    return level[0];
  });
}

describe('levelStrides', () => {
  it('cuts a count by the workgroup width until one value is left', () => {
    expect(levelStrides(1)).toEqual([1]);
    expect(levelStrides(256)).toEqual([1]);
    expect(levelStrides(257)).toEqual([2, 1]);
    expect(levelStrides(65_536)).toEqual([256, 1]);
    expect(levelStrides(65_537)).toEqual([257, 2, 1]);
    expect(levelStrides(1_000_000)).toEqual([3907, 16, 1]);
  });
});

describe('planBatches', () => {
  it('packs θ, count, f32(1/count) and index offsets; a batch shared by runs is uploaded once', () => {
    const mini = { indices: Uint32Array.from([4, 4, 0, 9, 1]), count: 3 };
    const thetas = Float32Array.from([0.5, -1, 2, 3, 0.1, 0.2]);
    const plan = planBatches(thetas, [{ count: 10 }, mini, mini], 10);
    const f = new Float32Array(plan.runTable);
    const u = new Uint32Array(plan.runTable);
    const w = RUN_BATCH_BYTES / 4;
    expect(plan.runTable.byteLength).toBe(3 * RUN_BATCH_BYTES);
    expect([f[0], f[1], u[2], u[5]]).toEqual([0.5, -1, 10, 0]);
    expect(f[4]).toBe(Math.fround(0.1));
    expect([f[w], f[w + 1], u[w + 2], u[w + 3], u[w + 5]]).toEqual([2, 3, 3, 0, 1]);
    expect(f[w + 4]).toBe(Math.fround(1 / 3));
    expect([u[2 * w + 3], u[2 * w + 5]]).toEqual([0, 1]);
    expect(Array.from(plan.indices)).toEqual([4, 4, 0]);
    expect(plan.blocks).toBe(1);
    expect(plan.passes).toEqual([{ level: 1, strideIn: 1, strideOut: 1, final: true }]);
  });

  it('gives each distinct list its own offset and sizes the passes by the largest batch', () => {
    const a = Uint32Array.from({ length: 300 }, (_, i) => i % 7);
    const b = Uint32Array.from([1, 2]);
    const plan = planBatches(new Float32Array(4), [{ indices: a, count: 300 }, { indices: b, count: 2 }], 7);
    expect(new Uint32Array(plan.runTable)[RUN_BATCH_BYTES / 4 + 3]).toBe(300);
    expect(plan.indices.length).toBe(302);
    expect(plan.blocks).toBe(2);
    expect(plan.passes).toEqual([{ level: 1, strideIn: 2, strideOut: 1, final: true }]);
    expect(plan.partialStrides).toEqual([2, 1]);
  });

  it('rejects bad batches with a message naming the value', () => {
    const t = new Float32Array(2);
    expect(() => planBatches(t, [{ count: 0 }], 5)).toThrow(/count must be a positive integer, got 0/);
    expect(() => planBatches(t, [{ count: 6 }], 5)).toThrow(/count 6 exceeds the dataset's 5 samples/);
    expect(() => planBatches(t, [{ indices: Uint32Array.from([1, 5]), count: 2 }], 5)).toThrow(/index 5 at slot 1/);
    expect(() => planBatches(t, [{ indices: Uint32Array.from([1]), count: 2 }], 5)).toThrow(/exceeds its 1 indices/);
    expect(() => planBatches(new Float32Array(4), [{ count: 1 }, { count: 1 }, { count: 1 }], 5)).toThrow(/one entry per run \(2\)/);
    expect(() => planBatches(new Float32Array(3), [{ count: 1 }], 5)).toThrow(/pairs/);
  });

  it('invCountF32 is float64 1/count rounded once to f32', () => {
    expect(invCountF32(3)).toBe(Math.fround(1 / 3));
    expect(invCountF32(1_000_000)).toBe(Math.fround(1e-6));
  });
});

describe('the plan reduces in treeSum order', () => {
  it('equals treeSum bit for bit for runs of different counts in one grid, −0 sums included', () => {
    const rng = createRng(12);
    const counts = [1, 7, 255, 256, 257, 65_537, 70_000];
    const data = counts.map((c) => Float64Array.from({ length: c }, () => roundF32Ftz(rng.range(-1, 1) * 2 ** Math.floor(rng.range(-12, 12)))));
    const plan = planBatches(new Float32Array(2 * counts.length), counts.map((count) => ({ count })), 70_000);
    expect(plan.passes.map((p) => [p.strideIn, p.strideOut])).toEqual([[274, 2], [2, 1]]);
    const got = emulatePlan(plan, (r, j) => data[r][j], counts);
    counts.forEach((c, r) => expect(Object.is(got[r], treeSum(data[r], c, roundF32Ftz)), `count ${c}`).toBe(true));
    // A sum of −0 over a full block: treeSum keeps −0; an extra level of padding would give +0.
    const negZero = planBatches(new Float32Array(4), [{ count: 256 }, { count: 70_000 }], 70_000);
    const z = emulatePlan(negZero, () => -0, [256, 70_000]);
    expect(Object.is(z[0], treeSum(new Float64Array(256).fill(-0), 256, roundF32Ftz))).toBe(true);
    expect(Object.is(z[0], -0)).toBe(true);
  });
});
