import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ExperimentInput } from '../../../core/experiment';
import { roundF32Ftz } from '../../../core/f32';
import type { Tape } from '../../../core/expr/tape';
import { prepareObjective, prepareRuns } from '../../../core/simulate/prepare';
import { buildKernel, kernelKey, type KernelSource } from './kernel';
import { DESC, FIELDS, KernelLayout, LR_CAPACITY, POOL_SLOTS } from './layout';
import { optimizerPlan, type OptimizerPlan } from './optimizerKernels';
import { fillLrTable } from './stepper';

function source(input: Partial<ExperimentInput> & { runs: ExperimentInput['runs'] }, groups?: number): KernelSource {
  const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, ...input });
  const obj = prepareObjective(exp, roundF32Ftz);
  const run = prepareRuns(exp, roundF32Ftz)[0];
  const plan = optimizerPlan(run);
  if (typeof plan === 'string') throw new Error(plan);
  const tape = (obj.bound.formula as unknown as { tape: Tape }).tape;
  return { tape, params: obj.params, plan, clip: run.maxNorm > 0, bound: 1e6, gradTol: 1e-6, layout: new KernelLayout(512, 8), groups };
}

describe('kernel modules', () => {
  it('validate as WebAssembly for every optimizer plan, clip on and off, 1 to 4 groups', () => {
    const configs: ExperimentInput['runs'] = [
      { optimizer: 'gd', hyper: { weight_decay: 0.1 } }, { optimizer: 'sgd', hyper: { nesterov: 1 } }, { optimizer: 'sgd', hyper: { momentum: 0 } },
      { optimizer: 'momentum_ema' }, { optimizer: 'adam', hyper: { amsgrad: 1, weight_decay: 0.1 } }, { optimizer: 'adamw' },
      { optimizer: 'rmsprop', hyper: { centered: 1, momentum: 0.5 } }, { optimizer: 'adamax', max_grad_norm: 1 },
    ];
    for (const run of configs) {
      for (const groups of [1, 2, 3, 4]) expect(WebAssembly.validate(buildKernel(source({ runs: [run] }, groups)).bytes)).toBe(true);
    }
  });

  it('one group of Adam on Rosenbrock stays under 4 KB (what Chrome compiles synchronously on the main thread)', () => {
    expect(buildKernel(source({ runs: [{ optimizer: 'adam' }] }, 1)).bytes.byteLength).toBeLessThan(4096);
  });

  it('are keyed by structure: values (hyperparameters, formula constants) do not change the key, flags do', () => {
    const key = (input: Parameters<typeof source>[0]) => kernelKey(source(input));
    const adam = key({ runs: [{ optimizer: 'adam', hyper: { lr: 0.1 } }] });
    expect(key({ runs: [{ optimizer: 'adam', hyper: { lr: 0.3, beta1: 0.5, eps: 1e-4 } }] })).toBe(adam);
    expect(key({ objective: { id: 'rosenbrock', params: { a: 2, b: 50 } }, runs: [{ optimizer: 'adam' }] })).toBe(adam);
    for (const other of [
      { runs: [{ optimizer: 'adam', hyper: { amsgrad: 1 } }] },
      { runs: [{ optimizer: 'adam', hyper: { weight_decay: 0.01 } }] },
      { runs: [{ optimizer: 'adam', max_grad_norm: 3 }] },
      { runs: [{ optimizer: 'adamw' }] },
      { objective: { id: 'himmelblau' }, runs: [{ optimizer: 'adam' }] },
    ]) expect(key(other as Parameters<typeof source>[0])).not.toBe(adam);
    expect(kernelKey({ ...source({ runs: [{ optimizer: 'adam' }] }), groups: 1 })).not.toBe(adam);
  });

  it('plans say which state slots they touch (the others keep their values)', () => {
    const plan = (optimizer: string, hyper: Record<string, number> = {}) => {
      const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, runs: [{ optimizer, hyper }] });
      return optimizerPlan(prepareRuns(exp, roundF32Ftz)[0]) as OptimizerPlan;
    };
    expect(plan('adam').slots).toEqual([0, 1, 2, 3, 6, 7]);
    expect(plan('adam', { amsgrad: 1 }).slots).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(plan('sgd', { momentum: 0 }).slots).toEqual([]);
    expect(plan('rmsprop', { centered: 1 }).slots).toEqual([0, 1, 4, 5]);
    expect(optimizerPlan(prepareRuns(resolveExperiment({ objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'lion' }] }), roundF32Ftz)[0])).toMatch(/lion/);
  });
});

describe('layout and learning-rate table', () => {
  it('blocks, fields and state slots are 16-byte aligned and do not overlap', () => {
    const L = new KernelLayout(513, 8, 3);
    expect(L.lanes % 16).toBe(0);
    expect(L.lanes).toBeGreaterThanOrEqual(513);
    // Within a block: the fields, the slots, the run indices, back to back.
    const inBlock = [...FIELDS.map((f) => L.fieldAt(f)), ...Array.from({ length: 8 }, (_, k) => L.stateAt(k)), L.runsAt];
    inBlock.forEach((o, i) => expect(o).toBe(4 * L.lanes * i));
    expect(L.blockBytes).toBe(4 * L.lanes * inBlock.length);
    // Pool, lr table, descriptor, the blocks, then the population's arrays.
    expect(L.lrAt).toBe(L.poolAt + 4 * POOL_SLOTS);
    expect(L.descAt).toBe(L.lrAt + 4 * LR_CAPACITY);
    // The descriptor takes 64 bytes (room for 16 array addresses).
    expect(4 * Object.keys(DESC).length).toBeLessThanOrEqual(64);
    expect(L.blockAt(0)).toBe(L.descAt + 64);
    for (const b of [0, 1, 2]) {
      expect(L.blockAt(b) % 16).toBe(0);
      if (b > 0) expect(L.blockAt(b)).toBe(L.blockAt(b - 1) + L.blockBytes);
    }
    expect(L.blockAt(2) + L.blockBytes).toBe(L.populationAt);
    expect(L.populationAt % 16).toBe(0);
    expect(new KernelLayout(513, 8, 3, 1000).bytes).toBe(L.populationAt + 1000);
    expect(L.pages * 65536).toBeGreaterThanOrEqual(L.bytes);
    expect(() => L.stateAt(8)).toThrow(/slot 8/);
    expect(() => L.blockAt(3)).toThrow(/block 3/);
  });

  it('holds r(lr · m[t]) per step, a subnormal product flushed to 0 as the JS path does', () => {
    const m = Float64Array.from([1, 1, 0.5, 1e-35, 3e-39, 0.25]).map(roundF32Ftz);
    const out = new Float32Array(4);
    fillLrTable(out, { lr: Math.fround(1e-4), m }, 2, 4);
    expect(Array.from(out)).toEqual([Math.fround(Math.fround(1e-4) * 0.5), 0, 0, Math.fround(Math.fround(1e-4) * 0.25)]);
    // 1e-4 · 1e-35 is a float32 subnormal: fround alone would keep it.
    expect(Math.fround(1e-4 * 1e-35)).not.toBe(0);
  });
});
