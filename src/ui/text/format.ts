/**
 * Number formatting for controls and read-outs: short, exact enough to type back in, and
 * scientific for very small or very large values (learning rates span 1e-6..10).
 */

/** A compact, round-trippable-looking number: 0.001, 1.5e-7, 1234, 0.9999. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  // Round first: 0.01 × (1 − 0.9) is 0.000999…98 and must read 0.001.
  const r = Number(v.toPrecision(digits));
  const a = Math.abs(r);
  if (a >= 1e-3 && a < 1e5) return String(r);
  const [m, e] = r.toExponential(digits - 1).split('e');
  return `${Number(m)}e${Number(e)}`;
}

/** Loss / norm read-outs: 3 significant digits, scientific outside [1e-3, 1e4). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return formatNumber(v, 3);
}
