/**
 * Messages between CpuEngine (main thread) and its workers. Each worker owns a contiguous slice
 * [begin, end) of the global runs; typed arrays travel as transferables, never as JSON.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import type { EnsembleBandSamples, EnsembleCloud } from '../types';
import type { Dataset } from '../../core/data';

/** Numeric precision of the reference simulator the worker runs. */
export type CpuPrecision = 'f32' | 'f64';

/** Which step code a population's templates run: all wasm SIMD kernels, some, or none. */
export type CpuKernel = 'wasm-simd' | 'mixed' | 'js';

export interface ConfigureRequest {
  readonly type: 'configure';
  readonly id: number;
  readonly experiment: ResolvedExperiment;
  readonly precision: CpuPrecision;
  /** Global run indices this worker simulates. Run i uses template i % runs.length. */
  readonly begin: number;
  readonly end: number;
  /** Starts of runs [begin, end) (x, y interleaved); absent: the experiment's start. */
  readonly starts?: Float64Array;
  /** Runs [begin, recordEnd) record per-step samples (recordEnd <= begin: none). */
  readonly recordEnd: number;
  /**
   * Runs of all workers. The worker whose slice begins at 0 then sends x, y, loss, gradNorm,
   * statusCode and statusStep at this full length (its runs first, zeros after), so the main
   * thread merges by copying the other slices into them instead of allocating and copying all.
   */
  readonly total?: number;
  /** Include optimizer state and gradients (small runs only: the state view). */
  readonly detail: boolean;
  /**
   * The imported samples the experiment's `data` param names, when this worker has not been
   * sent them yet (each realm has its own registry: src/core/data/imported.ts). Columns are
   * copies, transferred.
   */
  readonly imported?: ImportedSamples;
}

/** Imported samples as they travel to a worker: registered there under the page's id. */
export interface ImportedSamples {
  readonly id: number;
  readonly dataset: Dataset;
}

export interface StepRequest {
  readonly type: 'step';
  readonly id: number;
  readonly n: number;
}

export interface ResetRequest {
  readonly type: 'reset';
  readonly id: number;
}

/** Every run continues with the experiment's hyperparameters from the next step. */
export interface RetuneRequest {
  readonly type: 'retune';
  readonly id: number;
  readonly experiment: ResolvedExperiment;
}

/** Retune, then global run `index` (when in this worker's slice) restarts from its start. */
export interface RestartRunRequest {
  readonly type: 'restartRun';
  readonly id: number;
  readonly index: number;
  readonly experiment: ResolvedExperiment;
}

export type WorkerRequest = ConfigureRequest | StepRequest | ResetRequest | RetuneRequest | RestartRunRequest;

/**
 * One worker's part of a snapshot; arrays are indexed from `begin` (the first slice's per-run
 * arrays may have the engine's full length: ConfigureRequest.total).
 */
export interface SliceSnapshot {
  readonly step: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /** runStatus codes (see ../runStatus) and the steps they happened at. */
  readonly statusCode: Uint8Array;
  readonly statusStep: Int32Array;
  /** Samples since the previous slice snapshot for the recorded runs of the slice. */
  readonly samples?: {
    readonly steps: Int32Array;
    /** [recordedRun][sample] flattened. */
    readonly x: Float64Array;
    readonly y: Float64Array;
    readonly loss: Float64Array;
    readonly gradNorm: Float64Array;
    readonly band?: EnsembleBandSamples;
  };
  readonly cloud?: EnsembleCloud;
  readonly state?: Float64Array[];
  readonly grad?: Float64Array;
  /**
   * Which step code the slice runs ('wasm-simd' kernels, 'js', or 'mixed') and why templates
   * run on the JS path; sent with the replies to configure, retune and restartRun.
   */
  readonly kernel?: { readonly kind: CpuKernel; readonly notes: readonly string[] };
}

export type WorkerResponse =
  | { readonly type: 'snapshot'; readonly id: number; readonly snapshot: SliceSnapshot }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Buffers of a slice snapshot, for postMessage's transfer list. */
export function sliceTransferables(s: SliceSnapshot): ArrayBuffer[] {
  const list: ArrayBufferLike[] = [s.x.buffer, s.y.buffer, s.loss.buffer, s.gradNorm.buffer, s.statusCode.buffer, s.statusStep.buffer];
  if (s.samples) list.push(s.samples.steps.buffer, s.samples.x.buffer, s.samples.y.buffer, s.samples.loss.buffer, s.samples.gradNorm.buffer);
  if (s.samples?.band) list.push(s.samples.band.mean.buffer, s.samples.band.lo.buffer, s.samples.band.hi.buffer);
  if (s.cloud) list.push(s.cloud.offsets.buffer, s.cloud.x.buffer, s.cloud.y.buffer, s.cloud.diverged.buffer);
  if (s.grad) list.push(s.grad.buffer);
  if (s.state) for (const a of s.state) list.push(a.buffer);
  return list as ArrayBuffer[];
}
