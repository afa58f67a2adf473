/**
 * Turns staging-buffer bytes into an EngineSnapshot: the float32 planes copied out, status
 * codes -> RunStatus, and samples from the ring's [step][run] order to the snapshot's
 * [run][sample] order. Run buffers are planes of R values (shaders/step.wgsl), so x, y, loss
 * and ‖g‖ are copied as whole typed arrays.
 */
import type { EngineSnapshot, TrajectorySamples } from '../types';
import type { StatusDecoder } from '../runStatus';
import { STATE_STRIDE } from './kernel';

/** What one submit's staging buffer held. */
export interface ChunkReadback {
  /** Step of the first sample (0 for the init pass). */
  readonly sampleFrom: number;
  readonly sampleSteps: number;
  /** [step][recorded run] vec4 (x, y, f, ‖g‖). */
  readonly samples?: Float32Array;
  /**
   * Last submit of a call: runs (planes x, y, f, ‖g‖), status (planes code, step), then grads
   * and states (detail), read from the mapped staging buffer: valid until release().
   */
  readonly final?: ArrayBuffer;
  /** Returns the part's staging buffer to the ring (after the snapshot is assembled). */
  readonly release: () => void;
}

interface Shape {
  readonly runCount: number;
  readonly recordCount: number;
  readonly detail: boolean;
  readonly stateSizes: Uint8Array;
  readonly statuses: StatusDecoder;
}

/** assembleSnapshot, then the parts' staging buffers back to the ring (also on a throw). */
export function assembleAndRelease(c: Shape, parts: readonly ChunkReadback[], step: number): EngineSnapshot {
  try {
    return assembleSnapshot(c, parts, step);
  } finally {
    for (const p of parts) p.release();
  }
}

function assembleSnapshot(c: Shape, parts: readonly ChunkReadback[], step: number): EngineSnapshot {
  const R = c.runCount;
  const final = parts[parts.length - 1].final!;
  // x, y, loss, ‖g‖: one float32 copy of their four planes (converting them to float64
  // measured ~10% of a call at a million runs).
  const planes = final.slice(0, 16 * R);
  const [x, y, loss, gradNorm] = [0, 1, 2, 3].map((v) => new Float32Array(planes, 4 * v * R, R));
  const status = c.statuses.decode(new Uint32Array(final, 16 * R, 2 * R));
  let state: Float64Array[] | undefined;
  let grad: Float64Array | undefined;
  if (c.detail) {
    // Detail (small runs counts only) back to per-run order: grad (gx, gy) pairs, state rows.
    const g = new Float32Array(final, 24 * R, 2 * R);
    grad = new Float64Array(2 * R);
    for (let i = 0; i < R; i++) {
      grad[2 * i] = g[i];
      grad[2 * i + 1] = g[R + i];
    }
    const st = new Float32Array(final, 32 * R, STATE_STRIDE * R);
    const T = c.stateSizes.length;
    state = Array.from({ length: R }, (_, i) => Float64Array.from({ length: c.stateSizes[i % T] }, (_, k) => st[k * R + i]));
  }
  return { step, x, y, loss, gradNorm, status, samples: samplesOf(c.recordCount, parts), state, grad };
}

function samplesOf(rec: number, parts: readonly ChunkReadback[]): TrajectorySamples | undefined {
  if (rec === 0) return undefined;
  const S = parts.reduce((n, p) => n + p.sampleSteps, 0);
  const steps = new Int32Array(S);
  const x = new Float64Array(rec * S), y = new Float64Array(rec * S), loss = new Float64Array(rec * S), gradNorm = new Float64Array(rec * S);
  let j0 = 0;
  for (const p of parts) {
    const src = p.samples;
    for (let j = 0; j < p.sampleSteps; j++) {
      steps[j0 + j] = p.sampleFrom + j;
      if (!src) continue;
      for (let i = 0; i < rec; i++) {
        const s = 4 * (j * rec + i);
        const d = i * S + j0 + j;
        x[d] = src[s];
        y[d] = src[s + 1];
        loss[d] = src[s + 2];
        gradNorm[d] = src[s + 3];
      }
    }
    j0 += p.sampleSteps;
  }
  return { steps, x, y, loss, gradNorm };
}
