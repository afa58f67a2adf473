/**
 * The working set of one chunk of a population: up to `capacity` runs of one template, as
 * structure-of-arrays "lanes" that stay in cache while the chunk takes all the steps of an
 * advance() call. Only the lanes [0, active) step; a run that diverges leaves the set (its
 * values are frozen), the last lane taking its place.
 */
export class Lanes {
  readonly capacity: number;
  /** Lanes currently stepping. */
  active = 0;
  /** θ, raw gradient at θ, loss and ‖g‖ per lane. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /** Clipped gradient per lane (scratch of one step). */
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  /** Optimizer states, lane j's at [j·stride, j·stride + stride). */
  readonly state: Float64Array;
  stride = 0;
  /** Local run index of each lane. */
  readonly run: Int32Array;

  constructor(capacity: number, maxStride: number) {
    this.capacity = capacity;
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.gx = new Float64Array(capacity);
    this.gy = new Float64Array(capacity);
    this.loss = new Float64Array(capacity);
    this.gradNorm = new Float64Array(capacity);
    this.cx = new Float64Array(capacity);
    this.cy = new Float64Array(capacity);
    this.state = new Float64Array(capacity * Math.max(1, maxStride));
    this.run = new Int32Array(capacity);
  }

  /** Moves the last active lane into lane j (whose run has left the set). */
  removeLane(j: number): void {
    const last = --this.active;
    if (j === last) return;
    this.x[j] = this.x[last];
    this.y[j] = this.y[last];
    this.gx[j] = this.gx[last];
    this.gy[j] = this.gy[last];
    this.loss[j] = this.loss[last];
    this.gradNorm[j] = this.gradNorm[last];
    this.run[j] = this.run[last];
    const S = this.stride;
    this.state.copyWithin(j * S, last * S, last * S + S);
  }
}
