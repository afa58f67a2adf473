/**
 * Pure min/max downsampling for line charts: at most two points per pixel column (the
 * bucket's minimum and maximum, in step order), so a 10k-step series draws ≤ 2·width points
 * and a single spike stays visible. Non-finite values are kept out of buckets; a bucket made
 * only of them yields a NaN point so the line breaks there (d3 line().defined()).
 */

/** Parallel arrays of step indices and values. */
export interface Points {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly length: number;
}

/**
 * Downsamples values[0..length) onto `columns` pixel columns spanning x in [0, xMax]. Value i is
 * plotted at x = i (the step index), or at xs[i] when given (any non-decreasing x per index,
 * e.g. the gradient evaluations spent by step i). Returns every point unchanged when there are
 * fewer than 2 per column.
 */
export function downsampleMinMax(
  values: ArrayLike<number>,
  length: number,
  xMax: number,
  columns: number,
  xs?: ArrayLike<number>,
): Points {
  const n = Math.max(0, Math.min(length, values.length, xs ? xs.length : Infinity));
  const cols = Math.max(1, Math.floor(columns));
  const at = xs ? (i: number) => xs[i] : (i: number) => i;
  const span = Math.max(xMax, n > 0 ? at(n - 1) : 0, xs ? Number.MIN_VALUE : 1);
  const colOf = (i: number) => Math.floor((at(i) / span) * cols);
  // Columns the data actually covers (a running race fills only the left part of the axis).
  const covered = n > 0 ? colOf(n - 1) + 1 : 1;
  if (n <= 2 * covered) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = at(i);
      y[i] = values[i];
    }
    return { x, y, length: n };
  }
  const x = new Float64Array(2 * cols + 2);
  const y = new Float64Array(2 * cols + 2);
  let k = 0;
  let i = 0;
  while (i < n) {
    const col = colOf(i);
    let minI = -1;
    let maxI = -1;
    let j = i;
    for (; j < n && colOf(j) === col; j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      if (minI < 0 || v < values[minI]) minI = j;
      if (maxI < 0 || v > values[maxI]) maxI = j;
    }
    if (minI < 0) {
      x[k] = at(i);
      y[k++] = NaN;
    } else if (minI === maxI) {
      x[k] = at(minI);
      y[k++] = values[minI];
    } else {
      const a = Math.min(minI, maxI);
      const b = Math.max(minI, maxI);
      x[k] = at(a);
      y[k++] = values[a];
      x[k] = at(b);
      y[k++] = values[b];
    }
    i = j;
  }
  return { x: x.subarray(0, k), y: y.subarray(0, k), length: k };
}

/** A band (lower and upper edge per index) on the same columns: the lowest lo and highest hi. */
export interface BandPoints {
  readonly x: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly length: number;
}

/**
 * Downsamples a band lo[i] ≤ hi[i] onto `columns` columns (x as in downsampleMinMax): one point
 * per column with the column's lowest lo and highest hi, so the drawn band never looks narrower
 * than the data. Indices whose edges are not finite are left out.
 */
export function downsampleBand(
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  length: number,
  xMax: number,
  columns: number,
  xs?: ArrayLike<number>,
): BandPoints {
  const n = Math.max(0, Math.min(length, lo.length, hi.length, xs ? xs.length : Infinity));
  const cols = Math.max(1, Math.floor(columns));
  const at = xs ? (i: number) => xs[i] : (i: number) => i;
  const span = Math.max(xMax, n > 0 ? at(n - 1) : 0, xs ? Number.MIN_VALUE : 1);
  const x = new Float64Array(Math.min(n, cols + 1));
  const l = new Float64Array(x.length);
  const h = new Float64Array(x.length);
  let k = -1;
  let col = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lo[i]) || !Number.isFinite(hi[i])) continue;
    const c = Math.min(cols, Math.floor((at(i) / span) * cols));
    if (c !== col || k < 0) {
      if (k + 1 >= x.length) break;
      col = c;
      k++;
      x[k] = at(i);
      l[k] = lo[i];
      h[k] = hi[i];
    } else {
      if (lo[i] < l[k]) l[k] = lo[i];
      if (hi[i] > h[k]) h[k] = hi[i];
      x[k] = at(i);
    }
  }
  return { x: x.subarray(0, k + 1), lo: l.subarray(0, k + 1), hi: h.subarray(0, k + 1), length: k + 1 };
}
