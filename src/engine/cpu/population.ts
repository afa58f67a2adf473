/**
 * Many runs from their own start points (replicas of the experiment's template runs), for the
 * sweep and swarm views. The core Simulation takes one start for all runs, so this is a
 * structure-of-arrays twin of its loop built from the same parts (src/core/simulate/prepare,
 * status, clipGradNorm, the optimizers' step/stepBatch, the formula tape): per-step semantics
 * are exactly the header of src/core/simulate.ts, and population.test.ts holds the two together.
 *
 * retune and restartRun follow the simulator's header too: each run has an origin (the global
 * step it last restarted at) and its local step drives t, the schedule and its status step.
 *
 * Speed: runs are stepped in chunks of CHUNK runs of one template (./lanes). A chunk takes all
 * the steps of an advance() call while its arrays stay in cache; the formula tape runs once per
 * instruction over the whole chunk (core/expr batch evaluator) and the optimizer's stepBatch
 * (when it has one) once per chunk, instead of an interpreter dispatch per run and operation.
 * The optimizer update of a chunk (clip, t per origin, step) lives in ./laneUpdate.
 *
 * In f32 mode a template whose formula and optimizer have a WebAssembly SIMD kernel (./wasm:
 * generated at runtime, 4 runs per v128, all steps of a call inside the kernel) runs its
 * chunks there instead (./wasmChunks), bit for bit the same; recorded runs, chunks whose runs
 * restarted at different steps, and everything without a kernel take the JS path. `kernel`
 * says which path is in use.
 */
import type { ResolvedExperiment, RunStatus } from '../../core/experiment';
import { createBatchEvaluator, formulaTape, roundF32FtzFast, type BatchEvaluator } from '../../core/expr';
import { identity, prepareObjective, prepareRuns, type PreparedRun, type Rounding } from '../../core/simulate/prepare';
import { isDiverged, RUNNING, toRunStatus, updateStatus } from '../../core/simulate/status';
import { assertRetunable, assertRunIndex } from '../../core/simulate/retune';
import { LaneUpdate } from './laneUpdate';
import { Lanes } from './lanes';
import type { CpuKernel, CpuPrecision } from './protocol';
import { WasmChunks } from './wasmChunks';

/** Runs per chunk: registers (tape length × CHUNK × 8 B) and lanes stay within L2. */
export const CHUNK = 512;

/** Receives (local run, step) after each evaluation of a recorded run. */
export type Recorder = (i: number, k: number) => void;

/** Options of a population. */
export interface PopulationOptions {
  /** Use wasm kernels where possible (f32 only; default true). false: always the JS path. */
  readonly wasm?: boolean;
  /** v128 groups per kernel iteration (default ./wasm/kernel GROUPS; for tests and tuning). */
  readonly wasmGroups?: number;
}

/** The local runs of one template, in ascending order. */
interface Group {
  /** Replaced by retune (same optimizer, so the same state layout). */
  run: PreparedRun;
  readonly runs: Int32Array;
  /** Index of its first chunk among all chunks (the wasm blocks). */
  readonly firstChunk: number;
}

/** Runs [begin, end) of a population; run i uses template (begin + i) % runs.length. */
export class Population {
  readonly count: number;
  readonly steps: number;
  step = 0;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly grad: Float64Array;
  readonly code: Uint8Array;
  readonly codeStep: Int32Array;
  /** Every run's optimizer state, run i's at [stateAt[i], stateAt[i] + its size). */
  private readonly stateBuf: Float64Array;
  private readonly stateAt: Int32Array;
  private readonly groups: Group[];
  private readonly templateOf: Uint32Array;
  /** Chunk of each run, counted over all templates (the wasm block it steps in). */
  private readonly chunkOf: Int32Array;
  private readonly startX: Float64Array;
  private readonly startY: Float64Array;
  private readonly r: Rounding;
  private readonly params: Float64Array;
  private readonly evaluator: BatchEvaluator;
  private readonly bound: number;
  private readonly gradTol: number;
  private readonly lanes: Lanes;
  /** Lane of each run during a chunk (-1: frozen or not in the chunk). */
  private readonly laneOf: Int32Array;
  private readonly recorded = new Int32Array(CHUNK);
  /** The optimizer update of a chunk's lanes (clip, t per origin, step): ./laneUpdate. */
  private readonly update: LaneUpdate;
  private exp: ResolvedExperiment;
  /** Global step at which each run (re)started; `restarted` is false while all are 0. */
  private readonly origins: Int32Array;
  private restarted = false;
  /** The wasm kernels' path for chunks (./wasmChunks). */
  private readonly wasm: WasmChunks;

  constructor(exp: ResolvedExperiment, precision: CpuPrecision, begin: number, end: number, starts?: Float64Array, options: PopulationOptions = {}) {
    // roundF32Ftz's semantics, as createSimulation (plain Math.fround would keep subnormals the
    // GPU flushes), in its cheaper form: the rounding runs after every operation.
    const r = (this.r = precision === 'f32' ? roundF32FtzFast : identity);
    this.exp = exp;
    const obj = prepareObjective(exp, r);
    const formula = obj.bound.formula;
    const tape = formulaTape(formula);
    this.evaluator = createBatchEvaluator(tape, precision, CHUNK);
    this.params = obj.params;
    const templates = prepareRuns(exp, r);
    this.steps = exp.steps;
    this.bound = r(exp.bound);
    this.gradTol = r(exp.gradTol);
    const n = (this.count = end - begin);
    const T = templates.length;
    this.templateOf = Uint32Array.from({ length: n }, (_, i) => (begin + i) % T);
    let chunks = 0;
    this.chunkOf = new Int32Array(n);
    // Runs by template in one pass (a map has one template per cell: tens of thousands).
    const perTemplate = new Int32Array(T);
    for (let i = 0; i < n; i++) perTemplate[this.templateOf[i]]++;
    const byTemplate = Array.from({ length: T }, (_, t) => new Int32Array(perTemplate[t]));
    const filled = new Int32Array(T);
    for (let i = 0; i < n; i++) {
      const t = this.templateOf[i];
      byTemplate[t][filled[t]++] = i;
    }
    this.groups = templates.map((run, t) => {
      const runs = byTemplate[t];
      const firstChunk = chunks;
      runs.forEach((i, q) => (this.chunkOf[i] = firstChunk + Math.floor(q / CHUNK)));
      chunks += Math.ceil(runs.length / CHUNK);
      return { run, runs, firstChunk };
    });
    this.startX = new Float64Array(n);
    this.startY = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.startX[i] = r(starts ? starts[2 * i] : exp.start[0]);
      this.startY[i] = r(starts ? starts[2 * i + 1] : exp.start[1]);
    }
    let size = 0;
    for (let i = 0; i < n; i++) size += templates[this.templateOf[i]].state0.length;
    const maxStride = templates.reduce((m, t) => Math.max(m, t.state0.length), 0);
    // The arrays live in the wasm kernels' memory when there are kernels (./wasmChunks).
    const use = precision !== 'f32' ? 'f64 mode' : options.wasm === false ? 'wasm off' : null;
    const blocks = Math.max(1, chunks);
    this.wasm = new WasmChunks(n, size, use ?? { tape, params: this.params, bound: this.bound, gradTol: this.gradTol, lanes: CHUNK, blocks, maxStride, groups: options.wasmGroups });
    ({ x: this.x, y: this.y, loss: this.loss, gradNorm: this.gradNorm, grad: this.grad, code: this.code, codeStep: this.codeStep } = this.wasm.arrays);
    ({ stateBuf: this.stateBuf, stateAt: this.stateAt, origins: this.origins } = this.wasm.arrays);
    for (let i = 0, at = 0; i < n; i++) {
      this.stateAt[i] = at;
      at += templates[this.templateOf[i]].state0.length;
    }
    this.lanes = new Lanes(CHUNK, maxStride);
    this.laneOf = new Int32Array(n).fill(-1);
    this.update = new LaneUpdate(this.lanes, r, maxStride, this.origins);
    this.reset();
  }

  /** Which step code the templates use now ('mixed': some on wasm, some on the JS path). */
  get kernel(): CpuKernel {
    return this.wasm.kind(this.groups.map((g) => g.run));
  }

  /** Why templates run on the JS path (empty when all have wasm kernels). */
  kernelNotes(): string[] {
    return this.wasm.notes(this.groups.map((g) => g.run));
  }

  /**
   * The step code advance(n, recordCount) really runs: recorded runs (a race's trajectories,
   * drawn every step) always take the JS path, so a race whose runs are all recorded steps no
   * wasm kernel even when its templates have one.
   */
  stepCode(recordCount: number): { kind: CpuKernel; notes: string[] } {
    const kind = this.kernel, notes = this.kernelNotes();
    const recorded = Math.min(Math.max(0, recordCount), this.count);
    if (recorded === 0 || kind === 'js') return { kind, notes };
    const note = recorded === this.count ? 'recorded runs (drawn every step) step on the JS path' : `${recorded} recorded run${recorded === 1 ? '' : 's'} (drawn every step) step on the JS path`;
    return { kind: recorded === this.count ? 'js' : 'mixed', notes: [...notes, note] };
  }

  reset(): void {
    this.wasm.releaseAll(false);
    this.step = 0;
    this.origins.fill(0);
    this.restarted = false;
    for (const { runs } of this.groups) {
      for (let c = 0; c < runs.length; c += CHUNK) this.start(runs, c, Math.min(CHUNK, runs.length - c));
    }
  }

  /** Runs list[c, c + m) (m ≤ CHUNK) back at their starts: fresh state, RUNNING, values at θ_0. */
  private start(list: Int32Array, c: number, m: number): void {
    const L = this.lanes;
    for (let q = 0; q < m; q++) {
      const i = list[c + q];
      this.stateBuf.set(this.groups[this.templateOf[i]].run.state0, this.stateAt[i]);
      this.code[i] = RUNNING;
      this.codeStep[i] = 0;
      L.x[q] = this.startX[i];
      L.y[q] = this.startY[i];
    }
    this.evaluator.evaluate(L.x, L.y, this.params, L.loss, L.gx, L.gy, m);
    for (let q = 0; q < m; q++) {
      const i = list[c + q];
      this.x[i] = L.x[q];
      this.y[i] = L.y[q];
      this.loss[i] = L.loss[q];
      this.grad[2 * i] = L.gx[q];
      this.grad[2 * i + 1] = L.gy[q];
      this.gradNorm[i] = this.checkStatus(i, L.x[q], L.y[q], L.loss[q], L.gx[q], L.gy[q], 0);
    }
  }

  /** Every run continues with exp's hyperparameters from the next step (simulator: retune). */
  retune(exp: ResolvedExperiment): void {
    assertRetunable(this.exp, exp);
    const templates = prepareRuns(exp, this.r);
    this.groups.forEach((g, t) => (g.run = templates[t]));
    this.exp = exp;
  }

  /** retune(exp), then local run i back to its start at the current step (simulator: restartRun). */
  restartRun(i: number, exp: ResolvedExperiment): void {
    assertRunIndex(i, this.count);
    this.retune(exp);
    // Its chunk's wasm block is gathered again (with run i, at its new origin) when next used.
    this.wasm.release(this.chunkOf[i]);
    this.origins[i] = this.step;
    this.restarted ||= this.step > 0;
    this.start(Int32Array.of(i), 0, 1);
  }

  /** Global step at which run i (re)started. */
  origin(i: number): number {
    return this.origins[i];
  }

  /** Run i's optimizer state (a view into the population's buffer). */
  state(i: number): Float64Array {
    this.wasm.syncState(i, this.chunkOf[i]);
    const at = this.stateAt[i];
    return this.stateBuf.subarray(at, at + this.groups[this.templateOf[i]].run.state0.length);
  }

  status(i: number): RunStatus {
    return toRunStatus(this.code[i], this.codeStep[i]);
  }

  /** Step 2 of the simulator's header at θ_k for run i (k local); returns ‖g‖ (rounded). */
  private checkStatus(i: number, x: number, y: number, f: number, gx: number, gy: number, k: number): number {
    const r = this.r;
    const gn = r(Math.sqrt(r(r(gx * gx) + r(gy * gy))));
    updateStatus(this.code, this.codeStep, i, k, x, y, f, gx, gy, gn, this.bound, this.gradTol);
    return gn;
  }

  /**
   * Advances every run by min(n, steps − step) steps; `record(i, k)` is called for runs
   * i < recordCount after each step k (frozen runs too: their values repeat), with x[i], y[i],
   * loss[i] and gradNorm[i] holding the values at step k.
   */
  advance(n: number, recordCount = 0, record?: Recorder): number {
    const take = Math.max(0, Math.min(Math.floor(n), this.steps - this.step));
    const k0 = this.step;
    const rec = record === undefined ? 0 : recordCount;
    if (take > 0) {
      for (const g of this.groups) {
        for (let c = 0; c < g.runs.length; c += CHUNK) this.advanceChunk(g, c, Math.min(CHUNK, g.runs.length - c), k0, take, rec, record);
      }
    }
    this.step = k0 + take;
    return take;
  }

  private advanceChunk(g: Group, c: number, m: number, k0: number, take: number, recordCount: number, record?: Recorder): void {
    // Runs ≥ recordCount through the wasm kernel when it can take them; the rest here.
    const viaWasm = this.wasm.advance(g.firstChunk + c / CHUNK, g.run, g.runs, c, m, k0, take, recordCount, this.restarted);
    const L = this.lanes;
    const S = (L.stride = g.run.state0.length);
    let recorded = 0;
    L.active = 0;
    for (let q = 0; q < m; q++) {
      const i = g.runs[c + q];
      if (i < recordCount) this.recorded[recorded++] = i;
      else if (viaWasm) break; // runs ascend: the rest are not recorded
      if (isDiverged(this.code[i])) continue;
      const j = L.active++;
      L.run[j] = i;
      this.laneOf[i] = j;
      L.x[j] = this.x[i];
      L.y[j] = this.y[i];
      L.gx[j] = this.grad[2 * i];
      L.gy[j] = this.grad[2 * i + 1];
      L.loss[j] = this.loss[i];
      L.gradNorm[j] = this.gradNorm[i];
      L.state.set(this.stateBuf.subarray(this.stateAt[i], this.stateAt[i] + S), j * S);
    }
    for (let k = k0; k < k0 + take && (L.active > 0 || recorded > 0); k++) {
      if (L.active > 0) this.stepLanes(g.run, k);
      for (let q = 0; q < recorded; q++) {
        const i = this.recorded[q];
        const j = this.laneOf[i];
        if (j >= 0) this.storeLane(j);
        record!(i, k + 1);
      }
    }
    // Lanes that froze on the way already left (laneOf −1).
    for (let j = 0; j < L.active; j++) {
      this.storeLane(j);
      this.laneOf[L.run[j]] = -1;
    }
  }

  /** One step of the header (3, then 1 and 2 at θ_{k+1}) for every active lane. */
  private stepLanes(run: PreparedRun, k: number): void {
    const L = this.lanes;
    const n = L.active;
    this.update.apply(run, k, this.restarted);
    this.evaluator.evaluate(L.x, L.y, this.params, L.loss, L.gx, L.gy, n);
    for (let j = 0; j < L.active; ) {
      const i = L.run[j];
      L.gradNorm[j] = this.checkStatus(i, L.x[j], L.y[j], L.loss[j], L.gx[j], L.gy[j], k + 1 - this.origins[i]);
      if (isDiverged(this.code[i])) {
        // Frozen at θ_{k+1}: its values leave the chunk now; the last lane moves into j.
        this.storeLane(j);
        this.laneOf[i] = -1;
        L.removeLane(j);
        if (j < L.active) this.laneOf[L.run[j]] = j;
      } else {
        j++;
      }
    }
  }

  /** Copies lane j's values back to its run. */
  private storeLane(j: number): void {
    const L = this.lanes;
    const i = L.run[j];
    this.x[i] = L.x[j];
    this.y[i] = L.y[j];
    this.loss[i] = L.loss[j];
    this.gradNorm[i] = L.gradNorm[j];
    this.grad[2 * i] = L.gx[j];
    this.grad[2 * i + 1] = L.gy[j];
    const S = L.stride;
    const at = this.stateAt[i];
    for (let s = 0; s < S; s++) this.stateBuf[at + s] = L.state[j * S + s];
  }
}
