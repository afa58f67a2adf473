/**
 * The formula tape (src/core/expr/tape.ts) as straight-line f32x4 code: one fresh local per
 * computed register, the same operations in the same order as runBatch32 (which ops round is
 * run32's header: + − × ÷ √ round and flush; neg, abs, min, max, selge do not). Formulas with
 * sin/cos/tan/exp/log/tanh have no wasm equivalent (wasm has no such instructions; a software
 * version would not give Math.sin's bits), so they stay on the JS path.
 */
import { roundF32Ftz } from '../../../core/f32';
import { Op, OP_NAMES, type Tape } from '../../../core/expr/tape';
import { Simd } from './emit';
import type { Consts, V, VecBuilder } from './vector';

const SUPPORTED = new Set<number>([
  Op.x, Op.y, Op.param, Op.const, Op.add, Op.sub, Op.mul, Op.div, Op.neg, Op.sqrt, Op.abs, Op.min, Op.max, Op.selge,
]);

/** Why the tape cannot run as a wasm kernel, or null when it can. */
export function tapeUnsupported(tape: Tape): string | null {
  for (let i = 0; i < tape.length; i++) {
    if (!SUPPORTED.has(tape.ops[i])) return `the formula uses ${OP_NAMES[tape.ops[i]]}`;
  }
  return null;
}

/** f, ∂f/∂x, ∂f/∂y of one group. */
export interface TapeOutputs {
  readonly f: V;
  readonly gx: V;
  readonly gy: V;
}

/** Emits a tape's evaluation per group; leaves (params, constants) are loaded once at entry. */
export interface TapeEmitter<C> {
  emit(b: VecBuilder<C>, x: V, y: V): TapeOutputs;
}

/**
 * Prepares `tape` for kernels: params (`params`, already rounded by the population) and
 * constants go to the pool, rounded to float32 with flushing as makeRegisters does.
 */
export function tapeEmitter<C>(tape: Tape, params: ArrayLike<number>, consts: Consts<C>): TapeEmitter<C> {
  const why = tapeUnsupported(tape);
  if (why) throw new Error(`tapeEmitter: ${why}`);
  // Leaf locals shared by every group: x and y are per group, so they are bound in emit().
  const leaves = new Map<number, V>();
  for (let i = 0; i < tape.computeStart; i++) {
    const op = tape.ops[i];
    if (op === Op.const) {
      const v = roundF32Ftz(tape.imm[i]);
      leaves.set(i, consts.fromPool(() => v));
    } else if (op === Op.param) {
      const v = roundF32Ftz(params[tape.imm[i]]);
      leaves.set(i, consts.fromPool(() => v));
    }
  }
  return {
    emit(b, x, y) {
      const reg = new Map<number, V>(leaves);
      for (let i = 0; i < tape.computeStart; i++) {
        if (tape.ops[i] === Op.x) reg.set(i, x);
        else if (tape.ops[i] === Op.y) reg.set(i, y);
      }
      const at = (r: number): V => {
        const v = reg.get(r);
        if (v === undefined) throw new Error(`tape register ${r} read before it is written`);
        return v;
      };
      for (let i = tape.computeStart; i < tape.length; i++) {
        const a = at(tape.a[i]);
        let out: V;
        switch (tape.ops[i]) {
          case Op.add: out = b.add(a, at(tape.b[i])); break;
          case Op.sub: out = b.sub(a, at(tape.b[i])); break;
          case Op.mul: out = b.mul(a, at(tape.b[i])); break;
          case Op.div: out = b.div(a, at(tape.b[i])); break;
          case Op.neg: out = b.neg(a); break;
          case Op.sqrt: out = b.sqrt(a); break;
          case Op.abs: out = b.fabs(a); break;
          case Op.min: out = b.min(a, at(tape.b[i])); break;
          case Op.max: out = b.max(a, at(tape.b[i])); break;
          case Op.selge: out = b.select(b.raw(Simd.f32x4Ge, [a, at(tape.b[i])]), at(tape.c[i]), at(tape.d[i])); break;
          default: throw new Error(`tapeEmitter: op ${OP_NAMES[tape.ops[i]]}`);
        }
        reg.set(i, out);
      }
      const [of, ox, oy] = tape.out;
      return { f: at(of), gx: at(ox), gy: at(oy) };
    },
  };
}
