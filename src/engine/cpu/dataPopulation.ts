/**
 * The CPU engine's runner for dataset objectives: the reference finite-sum race
 * (src/core/finiteSum/dataRace.ts: every run's own batches, SAG and SVRG, the full-batch loss
 * recorded each step) behind the interface the worker drives a Population through. A hyper-
 * parameter edit reconfigures the race (the store does so for dataset objectives), so retune
 * and restartRun are refused here rather than approximated.
 *
 * Ensembles (core/finiteSum/ensemble.ts): a run with batch.seeds = N > 1 on a stochastic regime
 * gets N − 1 members appended to the race after the runs. The runs' arrays below are views of
 * the first R entries only (the engine sees R runs); after every step the members' full-batch
 * losses give each ensemble run its mean and 10–90 % band (`band`), and `cloud` is every
 * member's position.
 *
 * With `external: true` (the GPU engine) the full-batch sums come from outside: the race steps
 * through beginStep() / endStep() (core/finiteSum/dataRace.ts), one awaited evaluation of
 * every run's θ per step (advanceExternal, initExternal).
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { createDataRace, dataRaceConfig, expandEnsembles, groupBand, type BandStats, type DataRace, type EnsembleGroup } from '../../core/finiteSum';
import { getObjective } from '../../core/objectives';
import type { CpuKernel, CpuPrecision } from './protocol';
import type { Recorder } from './population';

/** True when the experiment's objective is a finite sum over data. */
export function isDatasetExperiment(e: ResolvedExperiment): boolean {
  return getObjective(e.objective.id).dataset !== undefined;
}

/** Seeds per run that make an ensemble: only stochastic regimes have anything to vary. */
export function ensembleSeeds(e: ResolvedExperiment): number[] {
  return e.runs.map((r) => (r.batch.size > 0 ? r.batch.seeds : 1));
}

/** Every ensemble run's band at the current step: mean, 10 % and 90 % of its members' loss. */
export interface EnsembleBand {
  /** NaN for runs without an ensemble. */
  readonly mean: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Members whose loss is not finite (diverged), per run. */
  readonly diverged: Int32Array;
}

export class DataPopulation {
  readonly count: number;
  readonly steps: number;
  private readonly race: DataRace;
  private readonly groups: readonly EnsembleGroup[];
  /** The worker's recorder for the current advance() call (runs below `recordCount`). */
  private onRecord: Recorder | null = null;
  private recordCount = 0;
  private readonly views: {
    x: Float64Array; y: Float64Array; loss: Float64Array; gradNorm: Float64Array; grad: Float64Array;
    gradEvals: Float64Array; code: Uint8Array; codeStep: Int32Array;
  };
  /** Null without ensembles. */
  readonly band: EnsembleBand | null;
  private readonly scratch: Float64Array;
  private readonly stats: BandStats = { mean: 0, lo: 0, hi: 0, nonFinite: 0 };

  /** Full-batch sums for each run's θ (x, y per run): [L, Gx, Gy] per run. */
  private readonly external: boolean;

  constructor(e: ResolvedExperiment, precision: CpuPrecision, options: { external?: boolean } = {}) {
    this.external = options.external ?? false;
    const base = dataRaceConfig(e);
    if (!base) throw new Error(`${e.objective.id} is not a dataset objective`);
    const { config, groups } = expandEnsembles(base, ensembleSeeds(e));
    this.groups = groups;
    const R = e.runs.length;
    this.count = R;
    this.band =
      groups.length === 0
        ? null
        : { mean: new Float64Array(R).fill(NaN), lo: new Float64Array(R).fill(NaN), hi: new Float64Array(R).fill(NaN), diverged: new Int32Array(R) };
    this.scratch = new Float64Array(Math.max(1, ...groups.map((g) => g.extra + 1)));
    // Without members the race records as it steps; with members every step is taken for all
    // runs first, then the bands are computed and the runs recorded (see advance()).
    this.race = createDataRace(
      config,
      precision,
      (_race, i, k) => {
        if (this.band === null && !this.external && this.onRecord && i < this.recordCount) this.onRecord(i, k);
      },
      { external: this.external },
    );
    const r = this.race;
    this.views = {
      x: r.x.subarray(0, R), y: r.y.subarray(0, R), loss: r.loss.subarray(0, R), gradNorm: r.gradNorm.subarray(0, R),
      grad: r.grad.subarray(0, 2 * R), gradEvals: r.gradEvals.subarray(0, R), code: r.code.subarray(0, R), codeStep: r.codeStep.subarray(0, R),
    };
    this.steps = e.steps;
    if (!this.external) this.updateBand();
  }

  /** Runs the race has, members included (the rows of an external evaluation). */
  get raceRuns(): number {
    return this.race.runCount;
  }

  /** External mode: step 0's evaluation (after construction and after reset()). */
  async initExternal(sums: (thetas: Float64Array) => Promise<ArrayLike<number>>): Promise<void> {
    const thetas = this.race.beginStep();
    if (thetas === null || this.race.step !== 0) throw new Error('initExternal() is for a race at its pending step 0');
    this.race.endStep(await sums(thetas));
    this.updateBand();
  }

  /** External mode: advance() with every step's full-batch sums awaited from `sums`. */
  async advanceExternal(n: number, recordCount: number, recorder: Recorder | undefined, sums: (thetas: Float64Array) => Promise<ArrayLike<number>>): Promise<number> {
    const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.race.step));
    for (let s = 0; s < take; s++) {
      const thetas = this.race.beginStep();
      if (thetas === null) return s;
      this.race.endStep(await sums(thetas));
      this.updateBand();
      if (recorder) for (let i = 0; i < Math.min(recordCount, this.count); i++) recorder(i, this.race.step);
    }
    return take;
  }

  get step(): number {
    return this.race.step;
  }
  get x(): Float64Array {
    return this.views.x;
  }
  get y(): Float64Array {
    return this.views.y;
  }
  get loss(): Float64Array {
    return this.views.loss;
  }
  get gradNorm(): Float64Array {
    return this.views.gradNorm;
  }
  get grad(): Float64Array {
    return this.views.grad;
  }
  get code(): Uint8Array {
    return this.views.code;
  }
  get codeStep(): Int32Array {
    return this.views.codeStep;
  }
  /** Per-sample gradient evaluations each run has spent (the fair compute axis). */
  get gradEvals(): Float64Array {
    return this.views.gradEvals;
  }

  /** Members (run itself first) per ensemble run: offsets [R + 1] into x, y of every member. */
  cloud(): { offsets: Int32Array; x: Float64Array; y: Float64Array } | null {
    if (this.band === null) return null;
    const R = this.count;
    const offsets = new Int32Array(R + 1);
    const bySize = new Int32Array(R);
    for (const g of this.groups) bySize[g.run] = g.extra + 1;
    for (let i = 0; i < R; i++) offsets[i + 1] = offsets[i] + bySize[i];
    const x = new Float64Array(offsets[R]);
    const y = new Float64Array(offsets[R]);
    const r = this.race;
    for (const g of this.groups) {
      let o = offsets[g.run];
      x[o] = r.x[g.run];
      y[o++] = r.y[g.run];
      for (let j = 0; j < g.extra; j++, o++) {
        x[o] = r.x[g.first + j];
        y[o] = r.y[g.first + j];
      }
    }
    return { offsets, x, y };
  }

  state(i: number): Float64Array {
    return this.race.stateOf(i);
  }

  stepCode(_recordCount?: number): { kind: CpuKernel; notes: string[] } {
    return { kind: 'js', notes: ['dataset objectives step on the JS path (per-sample gradients in the fixed tree order)'] };
  }

  advance(n: number, recordCount = 0, recorder?: Recorder): number {
    this.onRecord = recorder ?? null;
    this.recordCount = recordCount;
    try {
      if (this.band === null) return this.race.advance(n);
      // Step by step, so every member is at step k before run i's band of step k is recorded.
      const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.race.step));
      for (let s = 0; s < take; s++) {
        this.race.advance(1);
        this.updateBand();
        if (this.onRecord) for (let i = 0; i < Math.min(recordCount, this.count); i++) this.onRecord(i, this.race.step);
      }
      return take;
    } finally {
      this.onRecord = null;
    }
  }

  /** Back to step 0 (external mode: initExternal() next). */
  reset(): void {
    this.race.reset();
    if (!this.external) this.updateBand();
  }

  private updateBand(): void {
    const b = this.band;
    if (b === null) return;
    for (const g of this.groups) {
      const s = groupBand(this.race.loss, g, this.scratch, this.stats);
      b.mean[g.run] = s.mean;
      b.lo[g.run] = s.lo;
      b.hi[g.run] = s.hi;
      b.diverged[g.run] = s.nonFinite;
    }
  }

  retune(_e?: ResolvedExperiment): void {
    throw new Error('A dataset race is reconfigured on an edit, not retuned');
  }

  restartRun(_i?: number, _e?: ResolvedExperiment): void {
    throw new Error('A dataset race is reconfigured on an edit, not restarted run by run');
  }
}
