/**
 * CPU engine: the core reference simulator in Web Workers, so the page never blocks. Small
 * experiments use one worker; large populations (replicas) are split into contiguous slices
 * over min(hardwareConcurrency, 8) workers, and the slices' snapshots are stitched together.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import type { ConfigureOptions, Engine, EngineFault, EngineInfo, EngineSnapshot, TrajectorySamples } from '../types';
import { decodeStatuses } from '../runStatus';
import { importedSamples } from '../../core/objectives/datasetCache';
import type { CpuKernel, CpuPrecision, ImportedSamples, SliceSnapshot, WorkerRequest, WorkerResponse } from './protocol';

/** Runs per worker below which splitting costs more in messages than it saves. */
const MIN_RUNS_PER_WORKER = 2048;
/** Optimizer state and gradients are shipped for the state view only up to this many runs. */
export const DETAIL_MAX_RUNS = 64;
/**
 * Default number of recorded runs when ConfigureOptions.recordRuns is absent: every run of a
 * race (at most 64), a visible subset of a swarm; trails of all runs would cost more than steps.
 */
export const DEFAULT_RECORD_RUNS = 64;

type Pending = { resolve: (s: SliceSnapshot) => void; reject: (e: Error) => void };

/** One worker and its outstanding requests. */
class WorkerLink {
  readonly worker: Worker;
  /** The id of the imported samples last sent to this worker (0: none); it keeps them. */
  importedId = 0;
  private readonly pending = new Map<number, Pending>();
  constructor(onCrash: (message: string) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gradscape-cpu' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'snapshot') p.resolve(msg.snapshot);
      else p.reject(new Error(msg.message));
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const message = `CPU worker crashed: ${e.message || 'unknown error'}`;
      this.failAll(message);
      onCrash(message);
    };
  }
  request(msg: WorkerRequest, transfer: Transferable[] = []): Promise<SliceSnapshot> {
    return new Promise((resolve, reject) => {
      this.pending.set(msg.id, { resolve, reject });
      this.worker.postMessage(msg, transfer);
    });
  }
  failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
  terminate(): void {
    this.failAll('CPU engine disposed');
    this.worker.terminate();
  }
}

/** Options of the CPU engine. */
export interface CpuEngineOptions {
  /**
   * 'f32' (default) is the simulator's float32-exact mode, the GPU's precision: switching
   * engines mid-experiment then continues the same trajectories without a jump.
   */
  readonly precision?: CpuPrecision;
  /** Upper bound on workers; default min(hardwareConcurrency, 8). */
  readonly maxWorkers?: number;
}

/**
 * Largest population the CPU engine accepts: about 200 bytes of typed arrays per run across the
 * workers, so 16.8 M runs is ~3.4 GB — past that a browser tab runs out of memory.
 */
export const MAX_CPU_RUNS = 1 << 24;

/** Engine over the core simulator in Web Workers. */
export class CpuEngine implements Engine {
  private readonly baseInfo: EngineInfo;
  /** The workers' step code since the last configure/retune (null before configure). */
  private kernelState: { kind: CpuKernel; notes: string[] } | null = null;
  private readonly precision: CpuPrecision;
  private readonly maxWorkers: number;
  private links: WorkerLink[] = [];
  private slices: { begin: number; end: number }[] = [];
  private nextId = 1;
  private runCount = 0;
  private recordCount = 0;
  private readonly faultListeners: ((f: EngineFault) => void)[] = [];
  private disposed = false;

  constructor(options: CpuEngineOptions = {}) {
    this.precision = options.precision ?? 'f32';
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
    this.maxWorkers = Math.max(1, Math.min(options.maxWorkers ?? 8, cores, 8));
    const n = this.maxWorkers;
    this.baseInfo = { kind: 'cpu', adapter: `CPU, ${n} worker${n === 1 ? '' : 's'} (${this.precision})`, software: false, workers: n, precision: this.precision };
  }

  /** The adapter text names the step code once known, e.g. 'CPU, 2 workers (f32, wasm SIMD)'. */
  get info(): EngineInfo {
    const k = this.kernelState;
    if (!k) return this.baseInfo;
    const n = this.maxWorkers;
    const code = k.kind === 'wasm-simd' ? 'wasm SIMD' : k.kind === 'mixed' ? 'wasm SIMD + JS' : 'JS';
    return { ...this.baseInfo, adapter: `CPU, ${n} worker${n === 1 ? '' : 's'} (${this.precision}, ${code})` };
  }

  /** Which step code the workers run ('wasm-simd', 'mixed', 'js') and why any JS; null before configure. */
  get kernel(): { readonly kind: CpuKernel; readonly notes: readonly string[] } | null {
    return this.kernelState;
  }

  async configure(experiment: ResolvedExperiment, options: ConfigureOptions): Promise<EngineSnapshot> {
    this.assertAlive();
    const templates = experiment.runs.length;
    const count = options.replicas ? options.replicas.count : templates;
    if (!Number.isInteger(count) || count < 1) throw new Error(`Run count must be a positive integer, got ${count}`);
    if (templates < 1) throw new Error('The experiment has no runs');
    if (count > MAX_CPU_RUNS) {
      throw new Error(`${count.toLocaleString('en-US')} parallel runs are more than the CPU engine can hold in memory (at most ${MAX_CPU_RUNS.toLocaleString('en-US')}).`);
    }
    const starts = options.replicas?.starts;
    if (starts && starts.length < 2 * count) throw new Error(`replicas.starts has ${starts.length} values, needs ${2 * count}`);
    this.runCount = count;
    this.recordCount = options.record ? Math.min(count, options.recordRuns ?? DEFAULT_RECORD_RUNS) : 0;
    const workers = Math.max(1, Math.min(this.maxWorkers, Math.floor(count / MIN_RUNS_PER_WORKER)));
    while (this.links.length < workers) this.links.push(new WorkerLink((m) => this.fault(m)));
    while (this.links.length > workers) this.links.pop()!.terminate();
    this.slices = [];
    const detail = count <= DETAIL_MAX_RUNS;
    const dataset = importedSamples(experiment.objective.id, experiment.objective.params);
    const replies = this.links.map((link, w) => {
      const begin = Math.floor((count * w) / workers);
      const end = Math.floor((count * (w + 1)) / workers);
      this.slices.push({ begin, end });
      const sliceStarts = starts ? starts.slice(2 * begin, 2 * end) : undefined;
      const transfer: ArrayBuffer[] = sliceStarts ? [sliceStarts.buffer] : [];
      // The worker's registry is its own: it gets the imported samples once (copies, moved).
      let imported: ImportedSamples | undefined;
      if (dataset && link.importedId !== experiment.objective.params.data) {
        const columns = dataset.columns.map((c) => c.slice());
        imported = { id: experiment.objective.params.data, dataset: { ...dataset, columns } };
        transfer.push(...columns.map((c) => c.buffer));
        link.importedId = imported.id;
      }
      const msg: WorkerRequest = {
        type: 'configure', id: this.nextId++, experiment, precision: this.precision,
        begin, end, starts: sliceStarts, recordEnd: this.recordCount, detail, total: count, imported,
      };
      return link.request(msg, transfer);
    });
    return this.merge(await Promise.all(replies));
  }

  step(n: number): Promise<EngineSnapshot> {
    if (!Number.isInteger(n) || n < 0) return Promise.reject(new Error(`step(n) needs a non-negative integer, got ${n}`));
    return this.broadcast((id) => ({ type: 'step', id, n }));
  }

  reset(): Promise<EngineSnapshot> {
    return this.broadcast((id) => ({ type: 'reset', id }));
  }

  retune(experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    return this.broadcast((id) => ({ type: 'retune', id, experiment }));
  }

  restartRun(index: number, experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    if (!Number.isInteger(index) || index < 0 || index >= this.runCount) return Promise.reject(new Error(`restartRun: run index ${index} is not in 0..${this.runCount - 1}`));
    return this.broadcast((id) => ({ type: 'restartRun', id, index, experiment }));
  }

  dispose(): void {
    this.disposed = true;
    for (const l of this.links) l.terminate();
    this.links = [];
  }

  onFault(listener: (error: EngineFault) => void): void {
    this.faultListeners.push(listener);
  }

  private async broadcast(make: (id: number) => WorkerRequest): Promise<EngineSnapshot> {
    this.assertAlive();
    if (this.slices.length === 0) throw new Error('CpuEngine: configure() before step()/reset()');
    return this.merge(await Promise.all(this.links.map((l) => l.request(make(this.nextId++)))));
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('CpuEngine is disposed');
  }

  private fault(message: string): void {
    for (const l of this.faultListeners) l({ reason: 'worker', message });
  }

  /** Stitches slice snapshots (in slice order) into one. */
  private merge(parts: SliceSnapshot[]): EngineSnapshot {
    this.noteKernel(parts);
    if (parts.length === 1) return this.single(parts[0]);
    const R = this.runCount;
    // The first worker sends full-length arrays (ConfigureRequest.total): fill in the others.
    const host = parts[0].x.length === R ? parts[0] : null;
    const x = host?.x ?? new Float64Array(R), y = host?.y ?? new Float64Array(R);
    const loss = host?.loss ?? new Float64Array(R), gradNorm = host?.gradNorm ?? new Float64Array(R);
    const code = host?.statusCode ?? new Uint8Array(R), at = host?.statusStep ?? new Int32Array(R);
    parts.forEach((p, w) => {
      if (p === host) return;
      const b = this.slices[w].begin;
      x.set(p.x, b); y.set(p.y, b); loss.set(p.loss, b); gradNorm.set(p.gradNorm, b);
      code.set(p.statusCode, b); at.set(p.statusStep, b);
    });
    let samples: TrajectorySamples | undefined;
    const first = parts[0].samples;
    if (first && this.recordCount > 0) {
      const S = first.steps.length, n = this.recordCount * S;
      const sx = new Float64Array(n), sy = new Float64Array(n), sl = new Float64Array(n), sg = new Float64Array(n);
      parts.forEach((p, w) => {
        if (!p.samples) return;
        const o = this.slices[w].begin * S;
        sx.set(p.samples.x, o); sy.set(p.samples.y, o); sl.set(p.samples.loss, o); sg.set(p.samples.gradNorm, o);
      });
      samples = { steps: first.steps, x: sx, y: sy, loss: sl, gradNorm: sg };
    }
    return { step: parts[0].step, x, y, loss, gradNorm, status: decodeStatuses(code, at), samples };
  }

  /** Workers report their step code after configure/retune; slices may differ ('mixed'). */
  private noteKernel(parts: SliceSnapshot[]): void {
    const reports = parts.map((p) => p.kernel).filter((k) => k !== undefined);
    if (reports.length === 0) return;
    const kinds = new Set(reports.map((k) => k.kind));
    const kind: CpuKernel = kinds.size === 1 ? reports[0].kind : 'mixed';
    this.kernelState = { kind, notes: [...new Set(reports.flatMap((k) => k.notes))] };
  }

  private single(p: SliceSnapshot): EngineSnapshot {
    return {
      step: p.step, x: p.x, y: p.y, loss: p.loss, gradNorm: p.gradNorm,
      status: decodeStatuses(p.statusCode, p.statusStep),
      samples: p.samples, state: p.state, grad: p.grad,
      ...(p.cloud ? { cloud: p.cloud } : {}),
    };
  }
}
