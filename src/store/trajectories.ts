/**
 * Per-run trajectories accumulated from engine snapshots. Typed arrays that grow by doubling,
 * so a 10-run race of thousands of steps appends without allocating every frame and the plots
 * can read the arrays directly (they take `length`, not `array.length`).
 */
import type { EngineSnapshot, TrajectorySamples } from '../engine/types';

/** One run's series; index i is the run's local step i (index 0 is the start point). */
export interface RunSeries {
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  /** Distance to the nearest known minimum. */
  dist: Float64Array;
  /**
   * Ensemble races: the mean loss of the run's members and its 10 % / 90 % quantiles per step
   * (NaN for a run without members). Absent until a snapshot brings a band.
   */
  band?: { mean: Float64Array; lo: Float64Array; hi: Float64Array };
}

/** A 2-D point, for the known minima. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

function grow(a: Float64Array, capacity: number): Float64Array {
  if (a.length >= capacity) return a;
  const b = new Float64Array(Math.max(capacity, a.length * 2));
  b.set(a);
  return b;
}

function nearestDistance(x: number, y: number, minima: readonly Point[]): number {
  let best = Infinity;
  for (const m of minima) best = Math.min(best, Math.hypot(x - m.x, y - m.y));
  return best;
}

/**
 * Mutable buffer of every run's series. `length` is the number of global steps held (the
 * engine steps all runs in lockstep). A run restarted at global step o (engine restartRun)
 * starts its series again: global step k lands at its index k − o, and it holds
 * lengthOf(r) = length − o samples, so its curve starts again at its own step 0.
 */
export class TrajectoryBuffer {
  readonly runs: RunSeries[];
  length = 0;
  /** Global step at which each run's series starts. */
  readonly origins: number[];
  private readonly minima: readonly Point[];

  /** False when the surface has no known minimum (a custom formula, the saddle): no distances. */
  get hasMinima(): boolean {
    return this.minima.length > 0;
  }

  constructor(runCount: number, minima: readonly Point[], capacity = 256) {
    this.minima = minima;
    this.runs = Array.from({ length: runCount }, () => ({
      x: new Float64Array(capacity),
      y: new Float64Array(capacity),
      loss: new Float64Array(capacity),
      gradNorm: new Float64Array(capacity),
      dist: new Float64Array(capacity),
    }));
    this.origins = this.runs.map(() => 0);
  }

  /** Samples of run r (its local steps 0..lengthOf(r) − 1). */
  lengthOf(r: number): number {
    return Math.max(0, this.length - (this.origins[r] ?? 0));
  }

  /**
   * Run r restarted at global step `step` (the buffer's last step) from the start values
   * given: its old series is dropped, and these values are its local step 0.
   */
  restartRun(r: number, step: number, x: number, y: number, loss: number, g: number): void {
    if (step !== this.length - 1) throw new Error(`TrajectoryBuffer.restartRun at step ${step}, but the buffer holds steps 0..${this.length - 1}`);
    this.origins[r] = step;
    this.put(step, r, x, y, loss, g);
  }

  private ensure(capacity: number): void {
    for (const s of this.runs) {
      s.x = grow(s.x, capacity);
      s.y = grow(s.y, capacity);
      s.loss = grow(s.loss, capacity);
      s.gradNorm = grow(s.gradNorm, capacity);
      s.dist = grow(s.dist, capacity);
      if (s.band) s.band = { mean: grow(s.band.mean, capacity), lo: grow(s.band.lo, capacity), hi: grow(s.band.hi, capacity) };
    }
  }

  /** Band arrays for every run, at the buffer's capacity (the first snapshot with a band). */
  private ensureBand(): void {
    for (const s of this.runs) {
      if (s.band) continue;
      const c = s.x.length;
      s.band = { mean: new Float64Array(c).fill(NaN), lo: new Float64Array(c).fill(NaN), hi: new Float64Array(c).fill(NaN) };
    }
  }

  /** Run r's band at global step `step` (held from the step before when `b` is absent). */
  private putBand(step: number, r: number, b: { mean: number; lo: number; hi: number } | null): void {
    const band = this.runs[r].band;
    if (!band) return;
    const i = step - this.origins[r];
    if (b) {
      band.mean[i] = b.mean;
      band.lo[i] = b.lo;
      band.hi[i] = b.hi;
    } else if (i > 0) {
      band.mean[i] = band.mean[i - 1];
      band.lo[i] = band.lo[i - 1];
      band.hi[i] = band.hi[i - 1];
    }
  }

  /** Writes run r's values of global step `step`. */
  private put(step: number, r: number, x: number, y: number, loss: number, g: number): void {
    const s = this.runs[r];
    const i = step - this.origins[r];
    s.x[i] = x;
    s.y[i] = y;
    s.loss[i] = loss;
    s.gradNorm[i] = g;
    s.dist[i] = nearestDistance(x, y, this.minima);
  }

  /**
   * Appends what a snapshot brings. With samples, each sample step lands at its own index
   * (a gap is filled by holding the last value, so x stays "step"); without samples, only
   * the snapshot's current values are written at index `snapshot.step`.
   */
  ingest(snap: EngineSnapshot): void {
    const n = this.runs.length;
    if (snap.samples && snap.samples.steps.length > 0) {
      this.ingestSamples(snap.samples, n);
    }
    if (snap.step >= this.length) {
      this.ensure(snap.step + 1);
      this.fillTo(snap.step);
      for (let r = 0; r < n; r++) {
        this.put(snap.step, r, snap.x[r], snap.y[r], snap.loss[r], snap.gradNorm[r]);
        this.putBand(snap.step, r, null);
      }
      this.length = snap.step + 1;
    }
  }

  private ingestSamples(sm: TrajectorySamples, n: number): void {
    const k = sm.steps.length;
    this.ensure(sm.steps[k - 1] + 1);
    const band = sm.band;
    if (band) this.ensureBand();
    for (let j = 0; j < k; j++) {
      const step = sm.steps[j];
      if (step < this.length) continue;
      this.fillTo(step);
      for (let r = 0; r < n; r++) {
        const o = r * k + j;
        this.put(step, r, sm.x[o], sm.y[o], sm.loss[o], sm.gradNorm[o]);
        if (band) this.putBand(step, r, { mean: band.mean[o], lo: band.lo[o], hi: band.hi[o] });
      }
      this.length = step + 1;
    }
  }

  /** Holds the last known value up to (not including) global step `step`. */
  private fillTo(step: number): void {
    if (this.length === 0 || step <= this.length) return;
    this.runs.forEach((s, r) => {
      const o = this.origins[r];
      const last = this.length - 1 - o;
      for (let i = last + 1; i < step - o; i++) {
        s.x[i] = s.x[last];
        s.y[i] = s.y[last];
        s.loss[i] = s.loss[last];
        s.gradNorm[i] = s.gradNorm[last];
        s.dist[i] = s.dist[last];
        if (s.band) {
          s.band.mean[i] = s.band.mean[last];
          s.band.lo[i] = s.band.lo[last];
          s.band.hi[i] = s.band.hi[last];
        }
      }
    });
    this.length = step;
  }
}
