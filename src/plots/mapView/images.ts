/**
 * Per-cell RGBA of the maps (pure): a hyperparameter map coloured by final loss (log), by steps
 * to converge, or by outcome; a basin map coloured by the minimum each start ends at, shaded by
 * the steps its run took (fewer steps: brighter).
 */
import { LUT_SIZE } from '../surface/palette';
import { BASIN_COLORS, BASIN_DIVERGED_COLOR, BASIN_NONE_COLOR, OUTCOME_COLORS, normalise, shaded } from './colors';

export type HyperColorMode = 'loss' | 'steps' | 'outcome';

/** Cells without a value (a diverged run's loss, a run that never converged in the steps mode). */
const EMPTY: readonly [number, number, number] = [206, 212, 218];

function put(out: Uint8ClampedArray, c: number, rgb: readonly number[]): void {
  out[4 * c] = rgb[0];
  out[4 * c + 1] = rgb[1];
  out[4 * c + 2] = rgb[2];
  out[4 * c + 3] = 255;
}

function lutAt(lut: Uint8ClampedArray, t: number): number[] {
  const i = 4 * Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1));
  return [lut[i], lut[i + 1], lut[i + 2]];
}

/** Range of the continuous modes, for the legend: min/max of what is coloured. */
export interface ImageRange {
  readonly min: number;
  readonly max: number;
}

/**
 * RGBA of every cell. `outcome` is the OUTCOMES index, `steps` the outcome's step. In 'loss'
 * mode diverged cells are red; in 'steps' mode cells that did not converge are grey.
 */
export function hyperImage(
  cells: { readonly loss: ArrayLike<number>; readonly outcome: ArrayLike<number>; readonly steps: ArrayLike<number> },
  mode: HyperColorMode,
  lut: Uint8ClampedArray,
): { rgba: Uint8ClampedArray; range: ImageRange | null } {
  const n = cells.outcome.length;
  const out = new Uint8ClampedArray(4 * n);
  if (mode === 'outcome') {
    for (let c = 0; c < n; c++) put(out, c, shaded(OUTCOME_COLORS[cells.outcome[c]] ?? OUTCOME_COLORS[3], 1));
    return { rgba: out, range: null };
  }
  const vals = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    if (mode === 'loss') vals[c] = cells.outcome[c] === 1 ? NaN : cells.loss[c];
    else vals[c] = cells.outcome[c] === 0 ? cells.steps[c] : NaN;
  }
  const { t, min, max } = normalise(vals, mode === 'loss');
  for (let c = 0; c < n; c++) {
    if (Number.isFinite(t[c])) put(out, c, lutAt(lut, t[c]));
    else put(out, c, mode === 'loss' && cells.outcome[c] === 1 ? shaded(OUTCOME_COLORS[1], 1) : EMPTY);
  }
  return { rgba: out, range: Number.isFinite(min) ? { min, max } : null };
}

/** Colour of basin code k (a minimum's index, or −1 none, −2 diverged). */
export function basinColor(k: number): string {
  return k === -2 ? BASIN_DIVERGED_COLOR : k < 0 ? BASIN_NONE_COLOR : BASIN_COLORS[k % BASIN_COLORS.length];
}

/**
 * RGBA of every start: its basin's colour, darker the more steps its run took, from full
 * colour at the fewest steps any start in a basin took to 50 % at the most (over all basins).
 */
export function basinImage(basins: ArrayLike<number>, stepsTaken: ArrayLike<number>): Uint8ClampedArray {
  const n = basins.length;
  const out = new Uint8ClampedArray(4 * n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let c = 0; c < n; c++) {
    if (basins[c] < 0) continue;
    lo = Math.min(lo, stepsTaken[c]);
    hi = Math.max(hi, stepsTaken[c]);
  }
  const span = hi > lo ? hi - lo : 1;
  for (let c = 0; c < n; c++) {
    const k = basins[c];
    const shade = k >= 0 ? 1 - 0.5 * ((stepsTaken[c] - lo) / span) : 1;
    put(out, c, shaded(basinColor(k), shade));
  }
  return out;
}
