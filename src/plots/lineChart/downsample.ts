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
 * Downsamples values[0..length) plotted at x = step index onto `columns` pixel columns spanning
 * steps [0, xMax]. Returns every point unchanged when there are fewer than 2 per column.
 */
export function downsampleMinMax(
  values: ArrayLike<number>,
  length: number,
  xMax: number,
  columns: number,
): Points {
  const n = Math.max(0, Math.min(length, values.length));
  const cols = Math.max(1, Math.floor(columns));
  const span = Math.max(xMax, n - 1, 1);
  // Columns the data actually covers (a running race fills only the left part of the axis).
  const covered = Math.floor(((n - 1) / span) * cols) + 1;
  if (n <= 2 * covered) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = values[i];
    }
    return { x, y, length: n };
  }
  const x = new Float64Array(2 * cols + 2);
  const y = new Float64Array(2 * cols + 2);
  let k = 0;
  let i = 0;
  while (i < n) {
    const col = Math.floor((i / span) * cols);
    let minI = -1;
    let maxI = -1;
    let j = i;
    for (; j < n && Math.floor((j / span) * cols) === col; j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      if (minI < 0 || v < values[minI]) minI = j;
      if (maxI < 0 || v > values[maxI]) maxI = j;
    }
    if (minI < 0) {
      x[k] = i;
      y[k++] = NaN;
    } else if (minI === maxI) {
      x[k] = minI;
      y[k++] = values[minI];
    } else {
      const a = Math.min(minI, maxI);
      const b = Math.max(minI, maxI);
      x[k] = a;
      y[k++] = values[a];
      x[k] = b;
      y[k++] = values[b];
    }
    i = j;
  }
  return { x: x.subarray(0, k), y: y.subarray(0, k), length: k };
}
