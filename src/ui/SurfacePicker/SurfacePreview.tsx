/**
 * A small heatmap thumbnail of a surface, coloured by rank (percentile) so that surfaces with
 * huge value ranges (Goldstein–Price) still show their shape.
 */
import { useEffect, useRef } from 'react';
import { interpolateViridis } from 'd3-scale-chromatic';
import { bindObjective, surfaceValue } from '../../core/objectives';
import type { ObjectiveId } from '../../core/objectives/types';

const N = 36;

function draw(canvas: HTMLCanvasElement, id: ObjectiveId, formula?: string): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let bound;
  try {
    bound = bindObjective(id, {}, formula);
  } catch {
    ctx.clearRect(0, 0, N, N);
    return;
  }
  const { view } = bound.def;
  const value = surfaceValue(bound);
  const vals = new Float64Array(N * N);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const x = view.x[0] + ((i + 0.5) / N) * (view.x[1] - view.x[0]);
      const y = view.y[1] - ((j + 0.5) / N) * (view.y[1] - view.y[0]);
      const v = value(x, y);
      vals[j * N + i] = Number.isFinite(v) ? v : Infinity;
    }
  }
  const sorted = Float64Array.from(vals).sort();
  const img = ctx.createImageData(N, N);
  for (let k = 0; k < vals.length; k++) {
    // Binary search for the rank: O(N² log N), trivial at 36×36.
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < vals[k]) lo = mid + 1;
      else hi = mid;
    }
    const hex = interpolateViridis(lo / (sorted.length - 1));
    img.data[4 * k] = parseInt(hex.slice(1, 3), 16);
    img.data[4 * k + 1] = parseInt(hex.slice(3, 5), 16);
    img.data[4 * k + 2] = parseInt(hex.slice(5, 7), 16);
    img.data[4 * k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export function SurfacePreview({ id, formula }: { id: ObjectiveId; formula?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) draw(ref.current, id, formula);
  }, [id, formula]);
  return <canvas ref={ref} className="surface-thumb__img" width={N} height={N} aria-hidden="true" />;
}
