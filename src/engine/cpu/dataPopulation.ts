/**
 * The CPU engine's runner for dataset objectives: the reference finite-sum race
 * (src/core/finiteSum/dataRace.ts: every run's own batches, SAG and SVRG, the full-batch loss
 * recorded each step) behind the interface the worker drives a Population through. A hyper-
 * parameter edit reconfigures the race (the store does so for dataset objectives), so retune
 * and restartRun are refused here rather than approximated.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { createDataRace, dataRaceConfig, type DataRace } from '../../core/finiteSum';
import { getObjective } from '../../core/objectives';
import type { CpuKernel, CpuPrecision } from './protocol';
import type { Recorder } from './population';

/** True when the experiment's objective is a finite sum over data. */
export function isDatasetExperiment(e: ResolvedExperiment): boolean {
  return getObjective(e.objective.id).dataset !== undefined;
}

export class DataPopulation {
  readonly count: number;
  readonly steps: number;
  private readonly race: DataRace;
  /** The worker's recorder for the current advance() call (runs below `recordCount`). */
  private onRecord: Recorder | null = null;
  private recordCount = 0;

  constructor(e: ResolvedExperiment, precision: CpuPrecision) {
    const config = dataRaceConfig(e);
    if (!config) throw new Error(`${e.objective.id} is not a dataset objective`);
    this.race = createDataRace(config, precision, (_race, i, k) => {
      if (this.onRecord && i < this.recordCount) this.onRecord(i, k);
    });
    this.count = this.race.runCount;
    this.steps = e.steps;
  }

  get step(): number {
    return this.race.step;
  }
  get x(): Float64Array {
    return this.race.x;
  }
  get y(): Float64Array {
    return this.race.y;
  }
  get loss(): Float64Array {
    return this.race.loss;
  }
  get gradNorm(): Float64Array {
    return this.race.gradNorm;
  }
  get grad(): Float64Array {
    return this.race.grad;
  }
  get code(): Uint8Array {
    return this.race.code;
  }
  get codeStep(): Int32Array {
    return this.race.codeStep;
  }
  /** Per-sample gradient evaluations each run has spent (the fair compute axis). */
  get gradEvals(): Float64Array {
    return this.race.gradEvals;
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
      return this.race.advance(n);
    } finally {
      this.onRecord = null;
    }
  }

  reset(): void {
    this.race.reset();
  }

  retune(_e?: ResolvedExperiment): void {
    throw new Error('A dataset race is reconfigured on an edit, not retuned');
  }

  restartRun(_i?: number, _e?: ResolvedExperiment): void {
    throw new Error('A dataset race is reconfigured on an edit, not restarted run by run');
  }
}
