/**
 * Batch evaluation of a formula tape over many points at once (structure of arrays): register i
 * is a row of `capacity` lanes, and each instruction runs as one tight typed-array loop over
 * the lanes. The opcode switch then happens once per instruction per batch instead of once per
 * instruction per point, which is what made the per-point interpreter (./evaluate.ts) the CPU
 * engine's bottleneck. Results equal run64/run32 bit for bit: the same operations in the same
 * order per lane, with the same float32 rounding (roundF32Ftz) after every operation.
 */
import { F32_MIN_NORMAL, roundF32Ftz } from '../f32';
import { inputLayout, makeRegisters } from './evaluate';
import type { Tape } from './tape';

/** Numeric machine of a batch: float64, or float32-exact with subnormal results flushed. */
export type BatchPrecision = 'f32' | 'f64';

/** A reusable evaluator for one tape, with its register rows allocated once. */
export interface BatchEvaluator {
  /** Most points one call may evaluate. */
  readonly capacity: number;
  /**
   * Writes f, df/dx, df/dy at the points (xs[j], ys[j]), j < n, into outF/outGx/outGy.
   * Inputs and params are rounded to float32 first in 'f32' mode, as evaluate32 does.
   */
  evaluate(
    xs: ArrayLike<number>, ys: ArrayLike<number>, params: ArrayLike<number>,
    outF: Float64Array, outGx: Float64Array, outGy: Float64Array, n: number,
  ): void;
}

const MIN = F32_MIN_NORMAL;

/**
 * roundF32Ftz in fewer operations, so V8 inlines it everywhere (batch.test.ts holds the two
 * equal on ±0, subnormals, the normal boundary, ±Inf, NaN and random values): f·0 is a zero
 * of f's sign, which is what roundF32Ftz returns for a flushed value and for ±0 itself.
 */
export function roundF32FtzFast(v: number): number {
  const f = Math.fround(v);
  return Math.abs(f) < MIN ? f * 0 : f;
}

const ftz = roundF32FtzFast;

/** Creates an evaluator for `tape` that handles up to `capacity` points per call. */
export function createBatchEvaluator(tape: Tape, precision: BatchPrecision, capacity: number): BatchEvaluator {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`Batch capacity must be a positive integer, got ${capacity}`);
  const C = capacity;
  const f32 = precision === 'f32';
  const round = f32 ? roundF32Ftz : (v: number): number => v;
  const regs = new Float64Array(tape.length * C);
  // Constants are written once; only x, y and params change between calls.
  const consts = makeRegisters(tape, round);
  for (let i = 0; i < tape.computeStart; i++) regs.fill(consts[i], i * C, (i + 1) * C);
  const layout = inputLayout(tape);
  const loaded = new Float64Array(layout.paramReg.length).fill(NaN);
  const [of, ox, oy] = tape.out;
  return {
    capacity: C,
    evaluate(xs, ys, params, outF, outGx, outGy, n) {
      if (n > C) throw new Error(`Batch of ${n} points exceeds the evaluator's capacity ${C}`);
      // Param rows are refilled only when a value changed (they rarely do between calls).
      const { paramReg, paramIndex } = layout;
      for (let k = 0; k < paramReg.length; k++) {
        const v = round(params[paramIndex[k]]);
        if (!Object.is(v, loaded[k])) {
          regs.fill(v, paramReg[k] * C, (paramReg[k] + 1) * C);
          loaded[k] = v;
        }
      }
      if (layout.x >= 0) loadRow(regs, layout.x * C, xs, n, f32);
      if (layout.y >= 0) loadRow(regs, layout.y * C, ys, n, f32);
      if (f32) runBatch32(tape, regs, C, n);
      else runBatch64(tape, regs, C, n);
      for (let j = 0; j < n; j++) {
        outF[j] = regs[of * C + j];
        outGx[j] = regs[ox * C + j];
        outGy[j] = regs[oy * C + j];
      }
    },
  };
}

/** One-shot convenience over {@link createBatchEvaluator} (allocates; loops should reuse one). */
export function evaluateBatch(
  tape: Tape, precision: BatchPrecision, xs: ArrayLike<number>, ys: ArrayLike<number>, params: ArrayLike<number>,
  outF: Float64Array, outGx: Float64Array, outGy: Float64Array, n: number,
): void {
  if (n === 0) return;
  createBatchEvaluator(tape, precision, n).evaluate(xs, ys, params, outF, outGx, outGy, n);
}

function loadRow(regs: Float64Array, o: number, src: ArrayLike<number>, n: number, f32: boolean): void {
  if (f32) for (let j = 0; j < n; j++) regs[o + j] = ftz(src[j]);
  else for (let j = 0; j < n; j++) regs[o + j] = src[j];
}

/*
 * As in ./evaluate.ts, the cases are numeric literals (V8 builds a jump table for them). Each
 * case is its own loop so the loop body has no branch on the opcode.
 */

function runBatch64(t: Tape, R: Float64Array, C: number, n: number): void {
  const { ops, a, b, c, d, length } = t;
  for (let i = t.computeStart; i < length; i++) {
    const o = i * C;
    const pa = a[i] * C;
    const pb = b[i] * C;
    switch (ops[i]) {
      case 4 /* add */: for (let j = 0; j < n; j++) R[o + j] = R[pa + j] + R[pb + j]; break;
      case 5 /* sub */: for (let j = 0; j < n; j++) R[o + j] = R[pa + j] - R[pb + j]; break;
      case 6 /* mul */: for (let j = 0; j < n; j++) R[o + j] = R[pa + j] * R[pb + j]; break;
      case 7 /* div */: for (let j = 0; j < n; j++) R[o + j] = R[pa + j] / R[pb + j]; break;
      case 8 /* neg */: for (let j = 0; j < n; j++) R[o + j] = -R[pa + j]; break;
      case 9 /* sqrt */: for (let j = 0; j < n; j++) R[o + j] = Math.sqrt(R[pa + j]); break;
      case 10 /* abs */: for (let j = 0; j < n; j++) R[o + j] = Math.abs(R[pa + j]); break;
      case 11 /* sin */: for (let j = 0; j < n; j++) R[o + j] = Math.sin(R[pa + j]); break;
      case 12 /* cos */: for (let j = 0; j < n; j++) R[o + j] = Math.cos(R[pa + j]); break;
      case 13 /* tan */: for (let j = 0; j < n; j++) R[o + j] = Math.tan(R[pa + j]); break;
      case 14 /* exp */: for (let j = 0; j < n; j++) R[o + j] = Math.exp(R[pa + j]); break;
      case 15 /* log */: for (let j = 0; j < n; j++) R[o + j] = Math.log(R[pa + j]); break;
      case 16 /* tanh */: for (let j = 0; j < n; j++) R[o + j] = Math.tanh(R[pa + j]); break;
      case 17 /* min */: for (let j = 0; j < n; j++) R[o + j] = Math.min(R[pa + j], R[pb + j]); break;
      case 18 /* max */: for (let j = 0; j < n; j++) R[o + j] = Math.max(R[pa + j], R[pb + j]); break;
      case 19 /* selge */: {
        const pc = c[i] * C;
        const pd = d[i] * C;
        for (let j = 0; j < n; j++) R[o + j] = R[pa + j] >= R[pb + j] ? R[pc + j] : R[pd + j];
        break;
      }
    }
  }
}

/** run32's semantics per lane: see the header of run32 for which ops round. */
function runBatch32(t: Tape, R: Float64Array, C: number, n: number): void {
  const { ops, a, b, c, d, length } = t;
  for (let i = t.computeStart; i < length; i++) {
    const o = i * C;
    const pa = a[i] * C;
    const pb = b[i] * C;
    switch (ops[i]) {
      case 4 /* add */: for (let j = 0; j < n; j++) R[o + j] = ftz(R[pa + j] + R[pb + j]); break;
      case 5 /* sub */: for (let j = 0; j < n; j++) R[o + j] = ftz(R[pa + j] - R[pb + j]); break;
      case 6 /* mul */: for (let j = 0; j < n; j++) R[o + j] = ftz(R[pa + j] * R[pb + j]); break;
      case 7 /* div */: for (let j = 0; j < n; j++) R[o + j] = ftz(R[pa + j] / R[pb + j]); break;
      case 8 /* neg */: for (let j = 0; j < n; j++) R[o + j] = -R[pa + j]; break;
      case 9 /* sqrt */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.sqrt(R[pa + j])); break;
      case 10 /* abs */: for (let j = 0; j < n; j++) R[o + j] = Math.abs(R[pa + j]); break;
      case 11 /* sin */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.sin(R[pa + j])); break;
      case 12 /* cos */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.cos(R[pa + j])); break;
      case 13 /* tan */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.tan(R[pa + j])); break;
      case 14 /* exp */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.exp(R[pa + j])); break;
      case 15 /* log */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.log(R[pa + j])); break;
      case 16 /* tanh */: for (let j = 0; j < n; j++) R[o + j] = ftz(Math.tanh(R[pa + j])); break;
      case 17 /* min */: for (let j = 0; j < n; j++) R[o + j] = Math.min(R[pa + j], R[pb + j]); break;
      case 18 /* max */: for (let j = 0; j < n; j++) R[o + j] = Math.max(R[pa + j], R[pb + j]); break;
      case 19 /* selge */: {
        const pc = c[i] * C;
        const pd = d[i] * C;
        for (let j = 0; j < n; j++) R[o + j] = R[pa + j] >= R[pb + j] ? R[pc + j] : R[pd + j];
        break;
      }
    }
  }
}
