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
 *
 * Parts: ./configured (what configure sets up, and retune's update of it), ./groups (dispatch
 * ranges and the pipeline cache), ./chunk (encoding, submitting and mapping one submit).
 */
import { getObjective } from '../../core/objectives';
import type { ResolvedExperiment } from '../../core/experiment';
import { assertRunIndex } from '../../core/simulate/retune';
import { EngineFaultError, errorMessage, firstLine } from '../fault';
import type { ConfigureOptions, Engine, EngineFault, EngineInfo, EngineSnapshot } from '../types';
import { submitChunk, type ChunkRequest } from './chunk';
import { createConfigured, planRequest, DISPATCHES_PER_SUBMIT, retuneConfigured, type Configured } from './configured';
import { acquireDevice } from './device';
import { PipelineCache } from './groups';
import { createStepLayouts, type StepLayouts } from './kernel';
import { assembleAndRelease, type ChunkReadback } from './readback';
import { StagingRing } from './staging';
import { GpuDataRace } from './dataset/gpuDataRace';

/** Engine over WebGPU compute shaders. */
export class GpuEngine implements Engine {
  readonly info: EngineInfo;
  /** The device (tests destroy it to simulate a loss). */
  readonly device: GPUDevice;
  private readonly layouts: StepLayouts;
  private readonly staging: StagingRing;
  private readonly pipelines: PipelineCache;
  private cfg?: Configured;
  /** A dataset experiment's race (./dataset/gpuDataRace), instead of `cfg`. */
  private data?: GpuDataRace;
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
    // Bit-exact guards only where they buy bit-exact parity (software adapters); on hardware,
    // FMA contraction makes parity a tolerance anyway (docs/benchmarks-real-gpu.md, ablation).
    this.pipelines = new PipelineCache(device, this.layouts, info.software);
    void device.lost.then((lost) => {
      if (!this.disposed) this.fail({ reason: 'device-lost', message: `The GPU device was lost (${lost.reason}${lost.message ? `: ${lost.message}` : ''}).` });
    });
    device.addEventListener('uncapturederror', (e) => {
      e.preventDefault();
      const error = (e as GPUUncapturedErrorEvent).error;
      const reason = error instanceof GPUOutOfMemoryError ? 'out-of-memory' : 'shader';
      this.fail({ reason, message: `GPU error: ${firstLine(error.message)}.` });
    });
  }

  configure(experiment: ResolvedExperiment, options: ConfigureOptions): Promise<EngineSnapshot> {
    return this.enqueue(() => this.setUp(experiment, options));
  }

  step(n: number): Promise<EngineSnapshot> {
    if (!Number.isInteger(n) || n < 0) return Promise.reject(new Error(`step(n) needs a non-negative integer, got ${n}`));
    // A dataset race awaits each step's sums before the next: the chain waits for it whole.
    if (this.data) return this.enqueue(async () => ({ done: Promise.resolve(await this.data!.advance(n)) }));
    return this.enqueue(() => this.submitSteps(n));
  }

  reset(): Promise<EngineSnapshot> {
    if (this.data) return this.enqueue(async () => ({ done: Promise.resolve(await this.data!.reset()) }));
    return this.enqueue(() => this.submitInit());
  }

  retune(experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    if (this.data) return Promise.reject(new Error('A dataset race is reconfigured on an edit, not retuned'));
    return this.enqueue(async () => {
      const c = await this.applyRetune(experiment);
      return this.readCurrent(c);
    });
  }

  restartRun(index: number, experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    if (this.data) return Promise.reject(new Error('A dataset race is reconfigured on an edit, not restarted run by run'));
    return this.enqueue(async () => {
      assertRunIndex(index, this.configured().runCount);
      const c = await this.applyRetune(experiment);
      const at = this.submitted;
      // Its x and y (planes 0 and 1 of `runs`); the init pass computes the rest.
      const R = c.runCount;
      this.device.queue.writeBuffer(c.bufs.runs, 4 * index, c.start, index, 1);
      this.device.queue.writeBuffer(c.bufs.runs, 4 * (R + index), c.start, R + index, 1);
      this.device.queue.writeBuffer(c.bufs.origins, 4 * index, Uint32Array.of(at));
      return this.submitChunk(c, { a: at, b: at, init: true, last: true, only: index }).then(({ part }) => ({ done: part.then((p) => assembleAndRelease(c, [p], at)) }));
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cfg?.bufs.destroy();
    this.cfg = undefined;
    this.data?.destroy();
    this.data = undefined;
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
      // 'limits' refuses one request (the engine keeps its setup); anything else ends the engine.
      if (e.fault.reason !== 'limits') this.fail(e.fault);
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

  private async setUp(exp: ResolvedExperiment, options: ConfigureOptions): Promise<{ done: Promise<EngineSnapshot> }> {
    // A request beyond the device's limits is refused here, before the current setup is torn
    // down: the previous experiment stays configured and usable.
    if (getObjective(exp.objective.id).dataset) {
      // The dataset on the GPU, the race's host part in f32 (./dataset/gpuDataRace). The old
      // setup stays until the new one is built (a refused upload leaves it usable).
      const race = await GpuDataRace.create(this.device, exp, options, this.info.software);
      this.cfg?.bufs.destroy();
      this.cfg = undefined;
      this.data?.destroy();
      this.data = race;
      return { done: Promise.resolve(race.initial()) };
    }
    planRequest(this.device.limits, this.info.software, exp, options);
    this.cfg?.bufs.destroy();
    this.cfg = undefined;
    this.data?.destroy();
    this.data = undefined;
    this.cfg = await createConfigured(this.device, this.info.software, this.layouts, this.pipelines, exp, options);
    return this.submitInit();
  }

  /** retune's tables and pipelines for the configured runs (./configured); the run data stays. */
  private applyRetune(exp: ResolvedExperiment): Promise<Configured> {
    return retuneConfigured(this.device, this.pipelines, this.configured(), exp, () => this.assertUsable());
  }

  /** A snapshot of the current step without stepping (no samples). */
  private readCurrent(c: Configured): Promise<{ done: Promise<EngineSnapshot> }> {
    const at = this.submitted;
    return this.submitChunk(c, { a: at, b: at, init: false, last: true }).then(({ part }) => ({ done: part.then((p) => assembleAndRelease(c, [p], at)) }));
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
    return this.submitChunk(c, { a: 0, b: 0, init: true, last: true }).then(({ part }) => ({ done: part.then((p) => assembleAndRelease(c, [p], 0)) }));
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
      parts.push((await this.submitChunk(c, { a, b, init: false, last: b === this.submitted })).part);
      a = b;
    } while (a < target);
    // If a part fails, the others still return their staging buffers to the ring.
    const done = Promise.all(parts).then((ps) => assembleAndRelease(c, ps, target), (e: unknown) => {
      for (const p of parts) p.then((x) => x.release(), () => undefined);
      throw e;
    });
    return { done };
  }

  /** One submit (./chunk), checking the engine is still usable once a staging buffer is free. */
  private submitChunk(c: Configured, req: ChunkRequest): Promise<{ part: Promise<ChunkReadback> }> {
    return submitChunk(this.device, this.staging, c, req, () => this.assertUsable());
  }
}
