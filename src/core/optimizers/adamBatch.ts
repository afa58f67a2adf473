/**
 * Batched twins of Adam's and AdamW's `step` (see BatchStepContext): the CPU engine's hot
 * loop for the default optimizer. Per lane these are the operations of adamUpdate and
 * adamw.step in the same order; hoisted values (r(1 − β1), ...) are pure functions of the
 * hyperparameters, so computing them once per batch gives the same bits.
 */
import type { BatchStepContext } from './types';

/**
 * adamUpdate over every lane; `coupled` as there (Adam true, AdamW false). Split in passes
 * (running products, then coordinate x, then y; lanes and coordinates are independent, so the
 * per-lane results are the same): each pass is a function small enough for V8 to inline every
 * rounding call, which one loop with ~40 calls of `r` exceeded (measured 2x slower).
 */
export function adamUpdateBatch(c: BatchStepContext, coupled: boolean): void {
  const { n, state: s, stride, h, r } = c;
  const b1 = h.beta1;
  const b2 = h.beta2;
  // Running products per lane: lanes are separate runs, each with its own β^t.
  for (let j = 0; j < n; j++) {
    const o = j * stride;
    s[o + 6] = r(s[o + 6] * b1);
    s[o + 7] = r(s[o + 7] * b2);
  }
  adamCoordPass(c, c.x, c.gx, 0, coupled);
  adamCoordPass(c, c.y, c.gy, 1, coupled);
}

/** Coordinate i of adamUpdate's loop for every lane (running products already advanced). */
function adamCoordPass(c: BatchStepContext, theta: Float64Array, g: Float64Array, i: number, coupled: boolean): void {
  const { n, state: s, stride, lr, h, r } = c;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const eps = h.eps;
  const wd = coupled ? h.weight_decay : 0;
  const ams = h.amsgrad !== 0;
  const omb1 = r(1 - b1);
  const omb2 = r(1 - b2);
  for (let j = 0; j < n; j++) {
    const o = j * stride;
    // Recomputed from the stored products: the same bits as adamUpdate's bc1, bc2.
    const bc1 = r(1 - s[o + 6]);
    const bc2 = r(1 - s[o + 7]);
    const th = theta[j];
    let gi = g[j];
    if (wd !== 0) gi = r(gi + r(wd * th));
    const m = r(r(b1 * s[o + i]) + r(omb1 * gi));
    let v = r(r(b2 * s[o + 2 + i]) + r(omb2 * r(gi * gi)));
    s[o + i] = m;
    s[o + 2 + i] = v;
    if (ams) {
      v = Math.max(s[o + 4 + i], v);
      s[o + 4 + i] = v;
    }
    theta[j] = r(th - r(r(lr * r(m / bc1)) / r(r(Math.sqrt(r(v / bc2))) + eps)));
  }
}

/** adamw.step over every lane: decoupled decay θ ← θ − r(γλ)θ, then the uncoupled update. */
export function adamwStepBatch(c: BatchStepContext): void {
  const { n, x, y, lr, h, r } = c;
  const lrWd = r(lr * h.weight_decay);
  for (let j = 0; j < n; j++) {
    x[j] = r(x[j] - r(lrWd * x[j]));
    y[j] = r(y[j] - r(lrWd * y[j]));
  }
  adamUpdateBatch(c, false);
}
