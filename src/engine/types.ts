/**
 * The Engine interface the UI uses. Two implementations behind a factory (./factory):
 * cpu/ (the core simulator in a Web Worker) and gpu/ (WebGPU compute shaders).
 * The UI never knows which one runs.
 */
import type { ResolvedExperiment, RunStatus } from '../core/experiment';

export type EngineKind = 'cpu' | 'gpu';

export interface EngineInfo {
  readonly kind: EngineKind;
  /** Human-readable adapter, e.g. 'NVIDIA (ampere)', 'SwiftShader (software)', 'CPU, 2 workers'. */
  readonly adapter: string;
  /** True when WebGPU runs on a fallback/software adapter (CPU speed). */
  readonly software: boolean;
  /** CPU engine: how many Web Workers, and its arithmetic (for a translated label). */
  readonly workers?: number;
  readonly precision?: 'f32' | 'f64';
}

/** Per-step samples of each run since the previous snapshot (only when recording is on). */
export interface TrajectorySamples {
  /** Step numbers of the samples (shared by all runs), ascending. */
  readonly steps: Int32Array;
  /** [run][sample] flattened: x, y, loss, gradNorm, each of length runs * steps.length. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /**
   * Ensemble runs (dataset races with batch.seeds > 1): the mean full-batch loss of the run's
   * members and its 10 % / 90 % quantiles, [run][sample] like `loss`; NaN for other runs.
   */
  readonly band?: EnsembleBandSamples;
}

export interface EnsembleBandSamples {
  readonly mean: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** Every member's current position of each ensemble run (the run itself first). */
export interface EnsembleCloud {
  /** Run i's members are entries offsets[i] .. offsets[i + 1] − 1 (none for other runs). */
  readonly offsets: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Members whose loss is not finite (diverged), per run. */
  readonly diverged: Int32Array;
}

/** One value per run. */
export type RunValues = Float32Array | Float64Array;

/** What the screen needs after a step(n): current values of every run. */
export interface EngineSnapshot {
  /** Steps completed so far (0 after configure/reset). */
  readonly step: number;
  /**
   * Every run's position, loss and ‖∇f‖: Float32Array from the GPU engine (its values are
   * float32, so nothing is lost, and a million runs move half the bytes), Float64Array from
   * the CPU engine.
   */
  readonly x: RunValues;
  readonly y: RunValues;
  readonly loss: RunValues;
  readonly gradNorm: RunValues;
  readonly status: readonly RunStatus[];
  /** New samples since the last snapshot, when configured with record: true. */
  readonly samples?: TrajectorySamples;
  /** Optimizer state per run (layout of OptimizerDef), for runs <= 64; for the state view. */
  readonly state?: readonly Float64Array[];
  /** Last gradient per run (x, y interleaved), for the state view. */
  readonly grad?: Float64Array;
  /** Ensembles: every member's position now (the cloud of iterates). */
  readonly cloud?: EnsembleCloud;
}

export interface ConfigureOptions {
  /** Record per-step trajectory samples (the race view). Off for large sweeps. */
  readonly record: boolean;
  /**
   * Many-run populations (sweep and swarm views): `count` runs, replica i runs the template
   * `experiment.runs[i % runs.length]` from its own start (`starts[2i], starts[2i+1]`; the
   * experiment's start when `starts` is absent). Without it there is one run per template.
   */
  readonly replicas?: { readonly count: number; readonly starts?: Float64Array };
  /**
   * With `record`, how many runs (the first ones) record samples; default all runs up to 64.
   * Recording a million runs per step would flood memory and readback for nothing drawn.
   */
  readonly recordRuns?: number;
  /**
   * GPU engine: at most this many steps looped in one dispatch (default: planned from the
   * adapter, src/engine/gpu/capacity.ts). For a GPU whose watchdog allows less, and for tests
   * that cross dispatch boundaries. The CPU engine ignores it; results never depend on it.
   */
  readonly maxDispatchSteps?: number;
}

export interface Engine {
  readonly info: EngineInfo;
  configure(experiment: ResolvedExperiment, options: ConfigureOptions): Promise<EngineSnapshot>;
  /** Advance every run by n steps (capped at the experiment's step budget). */
  step(n: number): Promise<EngineSnapshot>;
  reset(): Promise<EngineSnapshot>;
  /**
   * "Continue with the new values": `experiment` has the same runs (count, optimizer per run,
   * objective, start, steps, gradTol, bound; else it rejects: configure instead). From the next
   * step on every run uses its new hyperparameters, schedule and max_grad_norm; positions,
   * optimizer state, statuses, origins and the step count are kept. Nothing is stepped: the
   * snapshot brings no new samples. Semantics: src/core/simulate.ts (retune).
   */
  retune(experiment: ResolvedExperiment): Promise<EngineSnapshot>;
  /**
   * "Restart this run": retune(experiment) (which may differ only in run `index`), then run
   * `index` goes back to the start point with a fresh optimizer state and status 'running',
   * and its own step counter restarts at the current global step (its origin): t, the schedule
   * index and its status steps count from there, and it gets steps − origin steps. Other runs
   * are untouched. The snapshot brings no samples; its x, y, loss of run `index` are its new
   * local step 0. Semantics: src/core/simulate.ts (restartRun).
   */
  restartRun(index: number, experiment: ResolvedExperiment): Promise<EngineSnapshot>;
  dispose(): void;
  /** Called when the engine can no longer work (device lost, shader error, OOM). */
  onFault(listener: (error: EngineFault) => void): void;
}

export interface EngineFault {
  /** 'unsupported': an experiment this engine does not run (the fallback runs it instead). */
  readonly reason: 'device-lost' | 'shader' | 'out-of-memory' | 'limits' | 'worker' | 'unsupported';
  readonly message: string;
}
