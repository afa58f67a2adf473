/**
 * Range analysis of a formula's tape over the bound box: whether f and its gradient are finite
 * wherever |x| and |y| are within the experiment's bound. Interval arithmetic over every
 * register (f and the gradient share one tape), inputs x, y ∈ [−bound, bound], parameters and
 * constants at their float32 values.
 *
 * "Finite" is proven with a wide margin: every register's interval must stay within
 * ±FINITE_LIMIT (1e30, float32 overflows at 3.4e38), so the float32 evaluation cannot overflow:
 * rounding moves a value by a factor of at most (1 + 2^-24) per operation, flushing subnormals
 * only shrinks magnitudes, and select/min/max are covered by the hull of both sides. Only
 * exact operations are analysed (+ − × neg abs min max select, and division by a constant or
 * parameter whose float32 value is a nonzero normal number); anything else (sqrt, log, exp,
 * trigonometry, division by a variable) answers false, which is always safe.
 *
 * The GPU engine uses it to drop per-step NaN/±Inf tests it can prove unnecessary
 * (shaders/step.wgsl, FINITE).
 */
import { F32_MIN_NORMAL, roundF32Ftz } from '../f32';
import { Op, type Tape } from './tape';

/** Largest magnitude any register may reach for the proof to hold. */
export const FINITE_LIMIT = 1e30;

/** True when every register of `tape` is provably finite for |x|, |y| ≤ bound (see above). */
export function finiteOnBox(tape: Tape, params: ArrayLike<number>, bound: number): boolean {
  return intervals(tape, params, bound) !== null;
}

/**
 * A lower bound of f's float32 value for |x|, |y| ≤ bound, or null when f is not provably
 * finite there. Each register's interval is widened outward after every operation by 2^-20 of
 * its magnitude plus the smallest normal float32: float32 rounding moves a result by at most
 * 2^-24 of it and flushing a subnormal moves it by less than that normal, so the bound holds
 * for the GPU's arithmetic too (the kernel's FINITE pass relies on f ≥ LOSS_FLOOR).
 */
export function lossLowerBoundOnBox(tape: Tape, params: ArrayLike<number>, bound: number): number | null {
  const iv = intervals(tape, params, bound);
  return iv === null ? null : iv.lo[tape.out[0]];
}

function intervals(tape: Tape, params: ArrayLike<number>, bound: number): { lo: Float64Array; hi: Float64Array } | null {
  // The kernel compares with the float32 bound; widen it a little rather than reason about ulps.
  const box = roundF32Ftz(bound) * (1 + 2 ** -20);
  if (!(box >= 0 && box <= FINITE_LIMIT)) return null;
  const lo = new Float64Array(tape.length);
  const hi = new Float64Array(tape.length);
  const { ops, a, b, c, d, imm } = tape;
  const isPoint = (r: number) => ops[r] === Op.const || ops[r] === Op.param;
  for (let i = 0; i < tape.length; i++) {
    const [al, ah, bl, bh] = [lo[a[i]], hi[a[i]], lo[b[i]], hi[b[i]]];
    let l: number;
    let h: number;
    switch (ops[i]) {
      case Op.x:
      case Op.y:
        [l, h] = [-box, box];
        break;
      case Op.param:
        l = h = roundF32Ftz(params[imm[i]]);
        break;
      case Op.const:
        l = h = roundF32Ftz(imm[i]);
        break;
      case Op.add:
        [l, h] = [al + bl, ah + bh];
        break;
      case Op.sub:
        [l, h] = [al - bh, ah - bl];
        break;
      case Op.mul: {
        if (a[i] === b[i]) {
          // u·u (u² after lowering) is never negative, which proves sums of squares ≥ 0.
          const [p, q] = [al * al, ah * ah];
          [l, h] = [al <= 0 && ah >= 0 ? 0 : Math.min(p, q), Math.max(p, q)];
          break;
        }
        const p = [al * bl, al * bh, ah * bl, ah * bh];
        [l, h] = [Math.min(...p), Math.max(...p)];
        break;
      }
      case Op.div: {
        if (!isPoint(b[i]) || !(Math.abs(bl) >= F32_MIN_NORMAL)) return null;
        [l, h] = [Math.min(al / bl, ah / bl), Math.max(al / bl, ah / bl)];
        break;
      }
      case Op.neg:
        [l, h] = [-ah, -al];
        break;
      case Op.abs:
        [l, h] = [al <= 0 && ah >= 0 ? 0 : Math.min(Math.abs(al), Math.abs(ah)), Math.max(Math.abs(al), Math.abs(ah))];
        break;
      case Op.min:
        [l, h] = [Math.min(al, bl), Math.min(ah, bh)];
        break;
      case Op.max:
        [l, h] = [Math.max(al, bl), Math.max(ah, bh)];
        break;
      case Op.selge:
        [l, h] = [Math.min(lo[c[i]], lo[d[i]]), Math.max(hi[c[i]], hi[d[i]])];
        break;
      default:
        return null;
    }
    if (!(Math.abs(l) <= FINITE_LIMIT && Math.abs(h) <= FINITE_LIMIT)) return null;
    // Leaves are exact float32 values; results are widened for rounding (see lossLowerBoundOnBox).
    const leaf = ops[i] === Op.x || ops[i] === Op.y || isPoint(i);
    lo[i] = leaf ? l : l - Math.abs(l) * 2 ** -20 - F32_MIN_NORMAL;
    hi[i] = leaf ? h : h + Math.abs(h) * 2 ** -20 + F32_MIN_NORMAL;
  }
  return { lo, hi };
}
