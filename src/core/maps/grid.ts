/**
 * Map grids (issue 13): an axis of `cells` cells over [min, max], linear or logarithmic, each
 * cell represented by its centre (in log space on a log axis). Pure.
 */

export interface MapAxis {
  readonly min: number;
  readonly max: number;
  readonly cells: number;
  readonly scale: 'linear' | 'log';
}

/** Largest grid side a map may have. */
export const MAX_MAP_CELLS = 512;

/** Throws when the axis cannot be gridded (log axes need 0 < min < max). */
export function checkAxis(a: MapAxis, what = 'axis'): void {
  if (!Number.isInteger(a.cells) || a.cells < 1 || a.cells > MAX_MAP_CELLS) throw new RangeError(`${what}: cells must be an integer in 1..${MAX_MAP_CELLS}, got ${a.cells}`);
  if (!(Number.isFinite(a.min) && Number.isFinite(a.max) && a.min < a.max)) throw new RangeError(`${what}: needs min < max, got ${a.min}..${a.max}`);
  if (a.scale === 'log' && !(a.min > 0)) throw new RangeError(`${what}: a log axis needs min > 0, got ${a.min}`);
}

/** Position of v on the axis in [0, 1] (0 at min, 1 at max; log axes in log space). */
export function axisFraction(a: MapAxis, v: number): number {
  return a.scale === 'log' ? Math.log(v / a.min) / Math.log(a.max / a.min) : (v - a.min) / (a.max - a.min);
}

/** The value at fraction f of the axis. */
export function axisAt(a: MapAxis, f: number): number {
  return a.scale === 'log' ? a.min * Math.pow(a.max / a.min, f) : a.min + f * (a.max - a.min);
}

/** Centre of cell i (0-based). */
export function cellCentre(a: MapAxis, i: number): number {
  return axisAt(a, (i + 0.5) / a.cells);
}

/** Every cell's centre. */
export function axisValues(a: MapAxis): Float64Array {
  checkAxis(a);
  return Float64Array.from({ length: a.cells }, (_, i) => cellCentre(a, i));
}

/** The cell holding value v, or −1 outside the axis. */
export function cellOf(a: MapAxis, v: number): number {
  const f = axisFraction(a, v);
  if (!(f >= 0 && f <= 1)) return -1;
  return Math.min(a.cells - 1, Math.floor(f * a.cells));
}
