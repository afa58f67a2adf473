import { roundF32Ftz } from '../f32';
import { Op, type Tape } from './tape';

/**
 * Registers of one tape, with constants preloaded (rounded to float32 when `round` is
 * Math.fround, as the GPU sees its literals). Only x, y and params change per evaluation.
 */
export function makeRegisters(t: Tape, round: (v: number) => number): Float64Array {
  const r = new Float64Array(t.length);
  for (let i = 0; i < t.computeStart; i++) if (t.ops[i] === Op.const) r[i] = round(t.imm[i]);
  return r;
}

/** Where x, y and each used param live in the registers (-1: not used by the formula). */
export interface InputLayout {
  readonly x: number;
  readonly y: number;
  /** Register of each used param, paired with {@link paramIndex}. */
  readonly paramReg: Int32Array;
  readonly paramIndex: Int32Array;
}

/** Finds the input registers once, so evaluation does not scan the leaves. */
export function inputLayout(t: Tape): InputLayout {
  let x = -1;
  let y = -1;
  const regs: number[] = [];
  for (let i = 0; i < t.computeStart; i++) {
    if (t.ops[i] === Op.x) x = i;
    else if (t.ops[i] === Op.y) y = i;
    else if (t.ops[i] === Op.param) regs.push(i);
  }
  return {
    x,
    y,
    paramReg: Int32Array.from(regs),
    paramIndex: Int32Array.from(regs.map((i) => t.imm[i])),
  };
}

/** Writes x, y and params into their registers, unrounded (float64 machine). */
export function loadInputs(l: InputLayout, r: Float64Array, x: number, y: number, p: ArrayLike<number>): void {
  if (l.x >= 0) r[l.x] = x;
  if (l.y >= 0) r[l.y] = y;
  const { paramReg, paramIndex } = l;
  for (let k = 0; k < paramReg.length; k++) r[paramReg[k]] = p[paramIndex[k]];
}

/** As {@link loadInputs}, rounding to float32 first (the GPU receives f32 inputs). */
export function loadInputs32(l: InputLayout, r: Float64Array, x: number, y: number, p: ArrayLike<number>): void {
  if (l.x >= 0) r[l.x] = roundF32Ftz(x);
  if (l.y >= 0) r[l.y] = roundF32Ftz(y);
  const { paramReg, paramIndex } = l;
  for (let k = 0; k < paramReg.length; k++) r[paramReg[k]] = roundF32Ftz(p[paramIndex[k]]);
}

/*
 * The switch cases below are numeric literals (commented with the Op name), not Op.add etc.:
 * V8 turns a switch over literal integers into a jump table, but compares `case Op.add`
 * property loads one by one, which measured 8x slower. evaluate.test.ts checks the numbers.
 */

/** Runs the computed part of the tape in float64. */
export function run64(t: Tape, r: Float64Array): void {
  const { ops, a, b, c, d, length } = t;
  for (let i = t.computeStart; i < length; i++) {
    switch (ops[i]) {
      case 4 /* add */: r[i] = r[a[i]] + r[b[i]]; break;
      case 5 /* sub */: r[i] = r[a[i]] - r[b[i]]; break;
      case 6 /* mul */: r[i] = r[a[i]] * r[b[i]]; break;
      case 7 /* div */: r[i] = r[a[i]] / r[b[i]]; break;
      case 8 /* neg */: r[i] = -r[a[i]]; break;
      case 9 /* sqrt */: r[i] = Math.sqrt(r[a[i]]); break;
      case 10 /* abs */: r[i] = Math.abs(r[a[i]]); break;
      case 11 /* sin */: r[i] = Math.sin(r[a[i]]); break;
      case 12 /* cos */: r[i] = Math.cos(r[a[i]]); break;
      case 13 /* tan */: r[i] = Math.tan(r[a[i]]); break;
      case 14 /* exp */: r[i] = Math.exp(r[a[i]]); break;
      case 15 /* log */: r[i] = Math.log(r[a[i]]); break;
      case 16 /* tanh */: r[i] = Math.tanh(r[a[i]]); break;
      case 17 /* min */: r[i] = Math.min(r[a[i]], r[b[i]]); break;
      case 18 /* max */: r[i] = Math.max(r[a[i]], r[b[i]]); break;
      case 19 /* selge */: r[i] = r[a[i]] >= r[b[i]] ? r[c[i]] : r[d[i]]; break;
    }
  }
}

/**
 * Runs the computed part of the tape with float32 rounding after every instruction (subnormal
 * results flushed to zero, as SwiftShader and most GPUs do; see src/core/f32.ts): the float32
 * machine the WGSL emitter mirrors. For + - * / sqrt, rounding the float64 result once gives
 * the correctly rounded float32 result (float64 has more than 2*24+2 significand bits), which
 * is what IEEE f32 hardware computes. sin/cos/... are rounded float64 values: GPUs differ.
 * neg/abs/min/max/selge of float32 values are float32 values already, so they skip fround.
 */
export function run32(t: Tape, r: Float64Array): void {
  const { ops, a, b, c, d, length } = t;
  const f = roundF32Ftz;
  for (let i = t.computeStart; i < length; i++) {
    switch (ops[i]) {
      case 4 /* add */: r[i] = f(r[a[i]] + r[b[i]]); break;
      case 5 /* sub */: r[i] = f(r[a[i]] - r[b[i]]); break;
      case 6 /* mul */: r[i] = f(r[a[i]] * r[b[i]]); break;
      case 7 /* div */: r[i] = f(r[a[i]] / r[b[i]]); break;
      case 8 /* neg */: r[i] = -r[a[i]]; break;
      case 9 /* sqrt */: r[i] = f(Math.sqrt(r[a[i]])); break;
      case 10 /* abs */: r[i] = Math.abs(r[a[i]]); break;
      case 11 /* sin */: r[i] = f(Math.sin(r[a[i]])); break;
      case 12 /* cos */: r[i] = f(Math.cos(r[a[i]])); break;
      case 13 /* tan */: r[i] = f(Math.tan(r[a[i]])); break;
      case 14 /* exp */: r[i] = f(Math.exp(r[a[i]])); break;
      case 15 /* log */: r[i] = f(Math.log(r[a[i]])); break;
      case 16 /* tanh */: r[i] = f(Math.tanh(r[a[i]])); break;
      case 17 /* min */: r[i] = Math.min(r[a[i]], r[b[i]]); break;
      case 18 /* max */: r[i] = Math.max(r[a[i]], r[b[i]]); break;
      case 19 /* selge */: r[i] = r[a[i]] >= r[b[i]] ? r[c[i]] : r[d[i]]; break;
    }
  }
}
