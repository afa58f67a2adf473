/**
 * Collects the per-step samples of the recorded runs while a runner advances (the CPU worker's
 * populations and the GPU engine's dataset races share it): [run][sample] flattened, and the
 * ensemble band when the runner has one.
 */
import type { EnsembleBandSamples, TrajectorySamples } from './types';

/** What a recorder reads at each recorded (run, step). */
export interface SampleSource {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
  readonly gradNorm: ArrayLike<number>;
  /** Ensemble runs' band now (mean, 10 %, 90 %), or null. */
  readonly band?: { readonly mean: ArrayLike<number>; readonly lo: ArrayLike<number>; readonly hi: ArrayLike<number> } | null;
}

export class StepSamples {
  private readonly sx: Float64Array;
  private readonly sy: Float64Array;
  private readonly sl: Float64Array;
  private readonly sg: Float64Array;
  private readonly band: { mean: Float64Array; lo: Float64Array; hi: Float64Array } | null;

  /** Steps k0 + 1 .. k0 + take of runs 0..recordCount − 1. */
  constructor(
    private readonly src: SampleSource,
    private readonly k0: number,
    private readonly take: number,
    recordCount: number,
  ) {
    const len = recordCount * take;
    this.sx = new Float64Array(len);
    this.sy = new Float64Array(len);
    this.sl = new Float64Array(len);
    this.sg = new Float64Array(len);
    this.band = src.band ? { mean: new Float64Array(len), lo: new Float64Array(len), hi: new Float64Array(len) } : null;
  }

  /** The recorder: run i's values now are step k's. */
  readonly record = (i: number, k: number): void => {
    const s = this.src;
    const o = i * this.take + (k - this.k0 - 1);
    this.sx[o] = s.x[i];
    this.sy[o] = s.y[i];
    this.sl[o] = s.loss[i];
    this.sg[o] = s.gradNorm[i];
    if (this.band && s.band) {
      this.band.mean[o] = s.band.mean[i];
      this.band.lo[o] = s.band.lo[i];
      this.band.hi[o] = s.band.hi[i];
    }
  };

  samples(): TrajectorySamples {
    const steps = Int32Array.from({ length: this.take }, (_, j) => this.k0 + 1 + j);
    const out = { steps, x: this.sx, y: this.sy, loss: this.sl, gradNorm: this.sg };
    return this.band ? { ...out, band: this.band } : out;
  }
}

/** The current values of runs 0..recordCount − 1 as one sample at `step` (configure, reset). */
export function currentSamples(src: SampleSource, step: number, recordCount: number): TrajectorySamples {
  const cut = (a: ArrayLike<number>) => Float64Array.from({ length: recordCount }, (_, i) => a[i]);
  const out = { steps: Int32Array.of(step), x: cut(src.x), y: cut(src.y), loss: cut(src.loss), gradNorm: cut(src.gradNorm) };
  const b = src.band;
  const band: EnsembleBandSamples | undefined = b ? { mean: cut(b.mean), lo: cut(b.lo), hi: cut(b.hi) } : undefined;
  return band ? { ...out, band } : out;
}
