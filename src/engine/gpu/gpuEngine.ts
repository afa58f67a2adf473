/**
 * GPU engine: WebGPU compute. One step kernel per optimizer (shaders/step.wgsl composed by
 * ./kernel) advances R independent runs by K steps per dispatch, many dispatches per submit;
 * its pipelines are specialised by override flags (clip, schedule, state size), and the few
 * recorded runs get their own dispatch so the bulk of the runs runs a kernel without recording;
 * each submit ends with a copy of what the screen draws into a ring of staging buffers
 * (./staging), mapped asynchronously. step() calls may overlap: submissions stay in order, and
 * readbacks resolve as the GPU finishes. Device loss, uncaptured errors, compile errors and
 * out-of-memory become one EngineFault; pending and later calls reject with EngineFaultError.
 * retune re-uploads the consts tables (rebuilding a group's pipelines when its CLIP/SCHEDULE
 * flags change; the run data stays); restartRun also writes the run's start and origin and
 * runs the init pass for that one thread.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { getOptimizer, stateSize } from '../../core/optimizers';
import { DETAIL_MAX_RUNS, DEFAULT_RECORD_RUNS } from '../cpu/cpuEngine';
import { assertRetunable, assertRunIndex } from '../../core/simulate/retune';
import { EngineFaultError, errorMessage } from '../fault';
import { StatusDecoder } from '../runStatus';
import type { ConfigureOptions, Engine, EngineFault, EngineInfo, EngineSnapshot } from '../types';
import { dispatchGrid, planCapacity, SAMPLE_BYTES, type CapacityPlan } from './capacity';
import { acquireDevice } from './device';
import { createStepLayouts, createStepPipeline, PARAMS_SLOT, specializationKey, STATE_STRIDE, type StepLayouts, type StepSpecialization } from './kernel';
import { assembleSnapshot, type ChunkReadback } from './readback';
import { createRunBuffers, type RunBuffers } from './runBuffers';
import { StagingRing } from './staging';
import { buildTables, countBelow, groupRuns, type ConstTables } from './tables';

/** Dispatches of one group in one submit (bounds the uniform slots and a submit's length). */
const DISPATCHES_PER_SUBMIT = 32;

/** One dispatch shape: threads [first, end) of a group, with the pipeline specialised for them. */
interface Range {
  /** The step loop and the init pass. */
  readonly pipeline: GPUComputePipeline;
  readonly init: GPUComputePipeline;
  readonly first: number;
  readonly end: number;
  readonly grid: { x: number; y: number; rowWidth: number };
}

/**
 * An optimizer group's threads: the recorded runs (a prefix: run lists are ascending) in one
 * range with a recording pipeline, the rest in another whose kernel has no recording code.
 */
interface Group {
  readonly ranges: readonly Range[];
  readonly count: number;
  readonly indexed: boolean;
  /** The group's run list (thread i runs list[i]); null: thread i runs run i. */
  readonly list: Uint32Array | null;
}

interface Configured {
  /** The experiment, its tables and groups: replaced by retune (same shapes). */
  exp: ResolvedExperiment;
  tables: ConstTables;
  groups: Group[];
  readonly plan: CapacityPlan;
  readonly bufs: RunBuffers;
  readonly runCount: number;
  readonly recordCount: number;
  readonly detail: boolean;
  /** Initial contents of `runs`: (x0, y0, 0, 0) per run, as f32. */
  readonly start: Float32Array;
  readonly stateSizes: Uint8Array;
  /** Decodes each snapshot's statuses, reusing the previous snapshot's where none changed. */
  readonly statuses: StatusDecoder;
}

/** Engine over WebGPU compute shaders. */
export class GpuEngine implements Engine {
  readonly info: EngineInfo;
  /** The device (tests destroy it to simulate a loss). */
  readonly device: GPUDevice;
  private readonly layouts: StepLayouts;
  private readonly staging: StagingRing;
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();
  private cfg?: Configured;
  private submitted = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private fault?: EngineFault;
  private disposed = false;
  private readonly listeners: ((f: EngineFault) => void)[] = [];

  /** A GPU engine on the best adapter, or null when WebGPU has no adapter. */
  static async create(): Promise<GpuEngine | null> {
    const acquired = await acquireDevice();
    return acquired ? new GpuEngine(acquired.device, acquired.info) : null;
  }

  private constructor(device: GPUDevice, info: EngineInfo) {
    this.device = device;
    this.info = info;
    this.layouts = createStepLayouts(device);
    this.staging = new StagingRing(device);
    void device.lost.then((lost) => {
      if (!this.disposed) this.fail({ reason: 'device-lost', message: `The GPU device was lost (${lost.reason}${lost.message ? `: ${lost.message}` : ''}).` });
    });
    device.addEventListener('uncapturederror', (e) => {
      e.preventDefault();
      const error = (e as GPUUncapturedErrorEvent).error;
      const reason = error instanceof GPUOutOfMemoryError ? 'out-of-memory' : 'shader';
      this.fail({ reason, message: `GPU error: ${error.message}` });
    });
  }

  configure(experiment: ResolvedExperiment, options: ConfigureOptions): Promise<EngineSnapshot> {
    return this.enqueue(() => this.setUp(experiment, options));
  }

  step(n: number): Promise<EngineSnapshot> {
    if (!Number.isInteger(n) || n < 0) return Promise.reject(new Error(`step(n) needs a non-negative integer, got ${n}`));
    return this.enqueue(() => this.submitSteps(n));
  }

  reset(): Promise<EngineSnapshot> {
    return this.enqueue(() => this.submitInit());
  }

  retune(experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    return this.enqueue(async () => {
      const c = await this.applyRetune(experiment);
      return this.readCurrent(c);
    });
  }

  restartRun(index: number, experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    return this.enqueue(async () => {
      assertRunIndex(index, this.configured().runCount);
      const c = await this.applyRetune(experiment);
      const at = this.submitted;
      this.device.queue.writeBuffer(c.bufs.runs, 16 * index, c.start, 4 * index, 4);
      this.device.queue.writeBuffer(c.bufs.origins, 4 * index, Uint32Array.of(at));
      return this.submitChunk(c, at, at, true, index).then(({ part }) => ({ done: part.then((p) => assembleSnapshot(c, [p], at)) }));
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cfg?.bufs.destroy();
    this.cfg = undefined;
    this.staging.destroy();
    this.device.destroy();
  }

  onFault(listener: (error: EngineFault) => void): void {
    this.listeners.push(listener);
  }

  /** Runs `submit` after earlier submissions; the returned readback is awaited outside the chain. */
  private enqueue(submit: () => Promise<{ done: Promise<EngineSnapshot> }>): Promise<EngineSnapshot> {
    const p = this.tail.then(() => {
      this.assertUsable();
      return submit();
    });
    this.tail = p.catch(() => undefined);
    return p.then((s) => s.done).catch((e) => { throw this.asFault(e); });
  }

  private assertUsable(): void {
    if (this.fault) throw new EngineFaultError(this.fault);
    if (this.disposed) throw new Error('GpuEngine is disposed');
  }

  /** Fault errors pass through (recording the fault); other GPU failures become device loss. */
  private asFault(e: unknown): unknown {
    if (this.fault) return new EngineFaultError(this.fault);
    if (e instanceof EngineFaultError) {
      this.fail(e.fault);
      return e;
    }
    if (e instanceof DOMException || (e instanceof Error && /device|GPU|mapAsync/i.test(e.message))) {
      this.fail({ reason: 'device-lost', message: `The GPU stopped working: ${errorMessage(e)}.` });
      return new EngineFaultError(this.fault!);
    }
    return e; // e.g. a formula or config error: the caller's to report, not a GPU fault
  }

  private fail(fault: EngineFault): void {
    if (this.fault || this.disposed) return;
    this.fault = fault;
    for (const l of this.listeners) {
      try { l(fault); } catch { /* one listener's bug must not silence the others */ }
    }
  }

  private async pipeline(t: ConstTables, optimizer: string, spec: StepSpecialization): Promise<GPUComputePipeline> {
    const key = `${optimizer}\u0000${specializationKey(spec)}\u0000${t.formula.params.join(',')}\u0000${t.formula.source}`;
    let p = this.pipelines.get(key);
    if (!p) {
      p = createStepPipeline(this.device, this.layouts, t.formula, getOptimizer(optimizer).id, spec);
      this.pipelines.set(key, p);
      p.catch(() => this.pipelines.delete(key));
    }
    return p;
  }

  private async setUp(exp: ResolvedExperiment, options: ConfigureOptions): Promise<{ done: Promise<EngineSnapshot> }> {
    this.cfg?.bufs.destroy();
    this.cfg = undefined;
    const T = exp.runs.length;
    const runCount = options.replicas ? options.replicas.count : T;
    if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`Run count must be a positive integer, got ${runCount}`);
    const starts = options.replicas?.starts;
    if (starts && starts.length < 2 * runCount) throw new Error(`replicas.starts has ${starts.length} values, needs ${2 * runCount}`);
    const recordCount = options.record ? Math.min(runCount, options.recordRuns ?? DEFAULT_RECORD_RUNS) : 0;
    const tables = buildTables(exp);
    const plan = planCapacity(this.device.limits, runCount, recordCount, T, exp.steps, tables.objParams);
    const lists = tables.groups.map((g) => (tables.groups.length === 1 ? null : groupRuns(runCount, T, g.templates)));
    const groups = await Promise.all(lists.map((list, i) => this.makeGroup(tables, i, list, runCount, recordCount, plan)));
    const paramSlots = groups.reduce((n, g) => n + g.ranges.length, 0) * (DISPATCHES_PER_SUBMIT + 1);
    const bufs = await createRunBuffers(this.device, this.layouts, { runs: runCount, recorded: recordCount, ringCap: plan.ringCap, consts: tables.data, paramSlots, groups: lists });
    const start = new Float32Array(4 * runCount);
    for (let i = 0; i < runCount; i++) {
      start[4 * i] = starts ? starts[2 * i] : exp.start[0];
      start[4 * i + 1] = starts ? starts[2 * i + 1] : exp.start[1];
    }
    const stateSizes = Uint8Array.from({ length: T }, (_, t) => stateSize(getOptimizer(exp.runs[t].optimizer)));
    this.cfg = { exp, tables, plan, bufs, groups, runCount, recordCount, detail: runCount <= DETAIL_MAX_RUNS, start, stateSizes, statuses: new StatusDecoder() };
    return this.submitInit();
  }

  /** Group i's dispatch ranges, with pipelines specialised for its tables' flags. */
  private async makeGroup(tables: ConstTables, i: number, list: Uint32Array | null, runCount: number, recordCount: number, plan: CapacityPlan): Promise<Group> {
    const g = tables.groups[i];
    const count = list ? list.length : runCount;
    const recorded = list ? countBelow(list, recordCount) : Math.min(count, recordCount);
    const bounds: [number, number, boolean][] = [[0, recorded, true], [recorded, count, false]];
    const ranges = await Promise.all(bounds.filter(([a, b]) => b > a).map(async ([first, end, record]) => ({
      pipeline: await this.pipeline(tables, g.optimizer, { ...g, workgroupSize: plan.workgroupSize, init: false, record }),
      init: await this.pipeline(tables, g.optimizer, { ...g, workgroupSize: plan.workgroupSize, init: true, record }),
      first, end, grid: dispatchGrid(end - first, plan.workgroupSize, this.device.limits.maxComputeWorkgroupsPerDimension),
    })));
    return { ranges, count, indexed: list !== null, list };
  }

  /**
   * New hyperparameter, clip and schedule tables for the same runs: uploaded into `consts`
   * (queue-ordered after earlier submits); a group whose override flags no longer fit its
   * new values (clipping or a schedule turned on) gets pipelines specialised anew.
   */
  private async applyRetune(exp: ResolvedExperiment): Promise<Configured> {
    const c = this.configured();
    assertRetunable(c.exp, exp);
    const tables = buildTables(exp);
    const groups = await Promise.all(tables.groups.map((g, i) => {
      const old = c.tables.groups[i];
      const same = old.optimizer === g.optimizer && old.clip === g.clip && old.schedule === g.schedule && old.hpCount === g.hpCount && old.stateSize === g.stateSize;
      return same ? c.groups[i] : this.makeGroup(tables, i, c.groups[i].list, c.runCount, c.recordCount, c.plan);
    }));
    this.assertUsable();
    this.device.queue.writeBuffer(c.bufs.consts, 0, tables.data);
    c.exp = exp;
    c.tables = tables;
    c.groups = groups;
    return c;
  }

  /** A snapshot of the current step without stepping (no samples). */
  private readCurrent(c: Configured): Promise<{ done: Promise<EngineSnapshot> }> {
    const at = this.submitted;
    return this.submitChunk(c, at, at, false).then(({ part }) => ({ done: part.then((p) => assembleSnapshot(c, [p], at)) }));
  }

  private configured(): Configured {
    if (!this.cfg) throw new Error('GpuEngine: configure() before step()/reset()');
    return this.cfg;
  }

  /** Step 0: starts, fresh optimizer state, evaluation and checks at θ_0. */
  private submitInit(): Promise<{ done: Promise<EngineSnapshot> }> {
    const c = this.configured();
    this.device.queue.writeBuffer(c.bufs.runs, 0, c.start);
    this.device.queue.writeBuffer(c.bufs.origins, 0, new Uint32Array(c.runCount));
    this.submitted = 0;
    c.statuses.clear();
    return this.submitChunk(c, 0, 0, true).then(({ part }) => ({ done: part.then((p) => assembleSnapshot(c, [p], 0)) }));
  }

  private async submitSteps(n: number): Promise<{ done: Promise<EngineSnapshot> }> {
    const c = this.configured();
    const a0 = this.submitted;
    const target = Math.min(a0 + n, c.exp.steps);
    this.submitted = target;
    const chunkMax = c.recordCount > 0 ? Math.min(c.plan.ringCap, c.plan.stepsPerDispatch * DISPATCHES_PER_SUBMIT) : c.plan.stepsPerDispatch * DISPATCHES_PER_SUBMIT;
    const parts: Promise<ChunkReadback>[] = [];
    let a = a0;
    do {
      const b = Math.min(a + chunkMax, target);
      parts.push((await this.submitChunk(c, a, b, false)).part);
      a = b;
    } while (a < target);
    return { done: Promise.all(parts).then((ps) => assembleSnapshot(c, ps, target)) };
  }

  /**
   * Encodes steps (a, b] (or the init pass: of every run, or of run `only` alone, a restart,
   * which copies no samples), the copies of what is drawn, submits, maps.
   */
  private async submitChunk(c: Configured, a: number, b: number, init: boolean, only?: number): Promise<{ part: Promise<ChunkReadback> }> {
    const last = init || b === this.submitted;
    const R = c.runCount;
    const sampleSteps = c.recordCount > 0 && only === undefined ? (init ? 1 : b - a) : 0;
    const sampleBytes = sampleSteps * c.recordCount * SAMPLE_BYTES;
    const finalBytes = last ? 24 * R + (c.detail ? (8 + 4 * STATE_STRIDE) * R : 0) : 0;
    const buffer = await this.staging.acquire(Math.max(4, sampleBytes + finalBytes));
    this.assertUsable();
    const { bufs, exp, plan } = c;
    const K = plan.stepsPerDispatch;
    const raw = new ArrayBuffer(PARAMS_SLOT * bufs.paramSlots);
    const u32 = new Uint32Array(raw);
    const f32 = new Float32Array(raw);
    const encoder = this.device.createCommandEncoder({ label: init ? 'init' : `steps ${a}..${b}` });
    const pass = encoder.beginComputePass({ label: 'step-pass' });
    let slot = 0;
    c.groups.forEach((g, gi) => {
      pass.setBindGroup(1, bufs.perGroup[gi]);
      // A restart dispatches one thread: the one that runs `only` in the range that holds it.
      const tid = only === undefined ? -1 : g.list ? g.list.indexOf(only) : only;
      for (const r of g.ranges) {
        if (only !== undefined && !(tid >= r.first && tid < r.end)) continue;
        const [first, end, grid] = only === undefined ? [r.first, r.end, r.grid] : [tid, tid + 1, { x: 1, y: 1, rowWidth: plan.workgroupSize }];
        pass.setPipeline(init ? r.init : r.pipeline);
        for (let s = a; init ? s === a : s < b; s += K) {
          const o = (slot * PARAMS_SLOT) / 4;
          u32.set([s, init ? 0 : Math.min(K, b - s), exp.steps, init ? 1 : 0, end, exp.runs.length, c.recordCount, plan.ringCap, grid.rowWidth, g.indexed ? 1 : 0, c.tables.hyperOffset, c.tables.initOffset, c.tables.clipOffset, c.tables.schedOffset], o);
          f32[o + 14] = exp.gradTol;
          f32[o + 15] = exp.bound;
          u32[o + 16] = first;
          pass.setBindGroup(0, bufs.shared, [slot * PARAMS_SLOT]);
          pass.dispatchWorkgroups(grid.x, grid.y);
          slot++;
          if (init) break;
        }
      }
    });
    pass.end();
    this.device.queue.writeBuffer(bufs.params, 0, raw, 0, Math.max(1, slot) * PARAMS_SLOT);
    let off = 0;
    if (sampleSteps > 0) {
      // Ring slots of steps a+1..b (init: step 0), in step order: at most two contiguous pieces.
      const per = c.recordCount * SAMPLE_BYTES;
      let k = init ? 0 : a + 1;
      let left = sampleSteps;
      while (left > 0) {
        const slotK = k % plan.ringCap;
        const run = Math.min(left, plan.ringCap - slotK);
        encoder.copyBufferToBuffer(bufs.samples, slotK * per, buffer, off, run * per);
        off += run * per;
        k += run;
        left -= run;
      }
    }
    if (last) {
      encoder.copyBufferToBuffer(bufs.runs, 0, buffer, off, 16 * R);
      encoder.copyBufferToBuffer(bufs.status, 0, buffer, off + 16 * R, 8 * R);
      if (c.detail) {
        encoder.copyBufferToBuffer(bufs.grads, 0, buffer, off + 24 * R, 8 * R);
        encoder.copyBufferToBuffer(bufs.states, 0, buffer, off + 32 * R, 4 * STATE_STRIDE * R);
      }
    }
    this.device.queue.submit([encoder.finish()]);
    const sampleFrom = init ? 0 : a + 1;
    // Wrapped in an object: an async function returning the promise itself would await it.
    const part = buffer.mapAsync(GPUMapMode.READ, 0, Math.max(4, sampleBytes + finalBytes)).then(
      () => {
        const bytes = buffer.getMappedRange(0, Math.max(4, sampleBytes + finalBytes));
        const part: ChunkReadback = {
          sampleFrom, sampleSteps,
          samples: sampleSteps > 0 ? new Float32Array(bytes.slice(0, sampleBytes)) : undefined,
          final: last ? bytes.slice(sampleBytes, sampleBytes + finalBytes) : undefined,
        };
        this.staging.release(buffer);
        return part;
      },
      (e) => {
        this.staging.release(buffer);
        throw e;
      },
    );
    return { part };
  }
}
