/**
 * Pure y-domains of the line chart. Log: from the smallest positive to the largest finite value
 * (zero and negative losses have no place on a log axis; they are drawn clamped to the bottom,
 * see clampForLog), padded out when the data spans less than a decade. Both domains take an
 * optional cap (see divergenceCap): a diverging run's 1e30 would otherwise flatten every other
 * line; values above the cap are left out of the domain and drawn clipped at the top.
 */

/** [lo, hi] for a log axis over the finite positive values ≤ cap; [1e-3, 1] when there are none. */
export function logDomain(values: ArrayLike<number>, cap = Infinity): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0) || v === Infinity || v > cap) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return cap < Infinity ? logDomain(values) : [1e-3, 1];
  if (hi / lo < 10) {
    // Less than a decade: widen around the geometric centre so the axis gets ticks.
    const c = Math.sqrt(lo * hi);
    return [Math.min(lo, c / Math.sqrt(10)), Math.max(hi, c * Math.sqrt(10))];
  }
  return [lo, hi];
}

/** [lo, hi] for a linear axis over the finite values ≤ cap, padded 5%; [0, 1] when none. */
export function linearDomain(values: ArrayLike<number>, cap = Infinity): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v > cap) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return cap < Infinity ? linearDomain(values) : [0, 1];
  if (hi === lo) {
    const d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return [lo - d, hi + d];
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/**
 * Highest value worth showing, from the runs' initial values (every run starts at a sane loss;
 * only diverging runs climb far above it). Log: three decades above the largest initial value;
 * linear: twice the initial spread above it. Infinity when no initial value is usable.
 */
export function divergenceCap(
  initials: ArrayLike<number>,
  values: ArrayLike<number>,
  kind: 'log' | 'linear',
): number {
  let top = -Infinity;
  for (let i = 0; i < initials.length; i++)
    if (Number.isFinite(initials[i]) && initials[i] > top) top = initials[i];
  if (top === -Infinity) return Infinity;
  if (kind === 'log') return top > 0 ? top * 1e3 : Infinity;
  let lo = Infinity;
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i]) && values[i] < lo) lo = values[i];
  const spread = top - lo;
  return spread > 0 ? top + 2 * spread : Infinity;
}

/** A value as drawn on a log axis with this domain: non-positive values sit at the bottom. */
export function clampForLog(v: number, domain: readonly [number, number]): number {
  return v > 0 ? v : Number.isNaN(v) ? NaN : domain[0];
}

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Log-axis label: powers of ten as 10ⁿ (1 and 10 plainly), other ticks '' (unlabelled). */
export function formatLogTick(v: number): string {
  if (!(v > 0)) return '';
  const e = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** e - 1) > 1e-9) return '';
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${String(e).replace(/./g, (c) => SUP[c] ?? c)}`;
}
