/**
 * Tick counts from the axis length and the width of the labels, so tick labels never overlap:
 * zoomed far out a surface axis reads −4e+14 … 4e+14, and ten of those do not fit where ten
 * "0.5"s did. Pure: text is measured by a function the caller passes in.
 */

/** A d3 continuous scale, as far as tick planning needs it. */
export interface TickScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
}

/** Ticks chosen for an axis. */
export interface TickPlan {
  /** The count passed to scale.ticks (d3 treats it as a hint). */
  readonly count: number;
  readonly values: number[];
  readonly labels: string[];
}

/**
 * The most ticks an axis of `lengthPx` can hold when every label takes `labelPx` along the
 * axis plus `gapPx` of space before the next: at least 2 (both ends read), and 2 for an axis
 * too short for any or a non-finite input.
 */
export function tickCount(lengthPx: number, labelPx: number, gapPx: number): number {
  const pitch = Math.max(1, labelPx) + Math.max(0, gapPx);
  if (!Number.isFinite(lengthPx) || !Number.isFinite(pitch) || lengthPx <= 0) return 2;
  return Math.max(2, Math.floor(lengthPx / pitch));
}

/** True when no two neighbouring labels (centred on their ticks) come closer than gapPx. */
export function labelsFit(
  positions: readonly number[],
  extents: readonly number[],
  gapPx: number,
): boolean {
  for (let i = 1; i < positions.length; i++) {
    const room = Math.abs(positions[i] - positions[i - 1]);
    if (room < (extents[i] + extents[i - 1]) / 2 + gapPx) return false;
  }
  return true;
}

/**
 * Ticks for `scale` over an axis of `lengthPx`: starts from tickCount() with a guess of the
 * label size (`extent` of a typical label) and lowers the count until every label fits.
 * `extent(label)` is a label's size along the axis (its width on a horizontal axis, its line
 * height on a vertical one); `format` is a d3-format specifier such as "~g" (used through
 * scale.tickFormat, which sets the precision from the tick step) or a formatter per count.
 */
export function planTicks(
  scale: TickScale,
  lengthPx: number,
  extent: (label: string) => number,
  gapPx: number,
  format: string | ((count: number) => (value: number) => string),
  maxCount = 12,
): TickPlan {
  const plan = (count: number): TickPlan => {
    const values = scale.ticks(count);
    const fmt = typeof format === 'string' ? scale.tickFormat(count, format) : format(count);
    return { count, values, labels: values.map((v) => fmt(v)) };
  };
  const probe = plan(5);
  const typical = Math.max(1, ...probe.labels.map(extent));
  let count = Math.min(maxCount, tickCount(lengthPx, typical, gapPx));
  let best = plan(count);
  while (count > 1) {
    const p = plan(count);
    best = p;
    if (
      labelsFit(
        p.values.map((v) => scale(v)),
        p.labels.map(extent),
        gapPx,
      )
    )
      return p;
    count--;
  }
  // Even one interval is too short: keep a single tick so the axis still reads a value.
  return best.values.length > 1
    ? { count: 1, values: best.values.slice(0, 1), labels: best.labels.slice(0, 1) }
    : best;
}

/**
 * The d3-format specifier for tick labels over `domain`: fixed notation ("~f": 0.5, 2500) for
 * everyday magnitudes, exponent notation ("~g": 4e+14, 2e-7) far from them, where fixed
 * labels would run to a dozen digits.
 */
export function compactSpecifier(domain: readonly [number, number]): string {
  const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  return m >= 1e5 || (m > 0 && m < 1e-3) ? '~g' : '~f';
}
