/**
 * The engine the UI holds. It remembers the experiment, the options and the step reached, so
 * that a GPU fault (device lost, shader compile error, out of memory, limits) or the user's
 * engine switch can rebuild the same experiment on another engine and replay it to the same
 * step: the simulation is deterministic, so no state is lost. Listeners hear each fault once.
 * Retunes and per-run restarts are part of that history: they are logged with the global step
 * they happened at and replayed in order, so the replacement continues with the same state.
 */
import type { ResolvedExperiment } from '../core/experiment';
import { CpuEngine } from './cpu/cpuEngine';
import { EngineFaultError, errorMessage } from './fault';
import type { ConfigureOptions, Engine, EngineFault, EngineInfo, EngineKind, EngineSnapshot } from './types';

/** Steps per replay call when rebuilding an experiment on another engine. */
const REPLAY_CHUNK = 1024;

/** A retune (index undefined) or a restartRun(index), applied after `step` steps. */
interface TuneEvent {
  readonly step: number;
  readonly experiment: ResolvedExperiment;
  readonly index?: number;
}

function applyTune(e: Engine, ev: Omit<TuneEvent, 'step'>): Promise<EngineSnapshot> {
  return ev.index === undefined ? e.retune(ev.experiment) : e.restartRun(ev.index, ev.experiment);
}

/** Makes a GPU engine, or null when there is no WebGPU adapter. */
export type GpuEngineFactory = () => Promise<Engine | null>;

/** Makes the CPU engine a fault or a switch moves to (the Web Worker engine in the app). */
export type CpuEngineFactory = () => Engine;

/** Engine wrapper that survives GPU faults and engine switches. */
export class ResilientEngine implements Engine {
  private inner: Engine;
  /** The latest experiment (after retunes). */
  private experiment?: ResolvedExperiment;
  /** The experiment of the last configure/reset, and the tune events since, for replays. */
  private base?: ResolvedExperiment;
  private log: TuneEvent[] = [];
  /** A pending retune/restartRun: later calls wait for it (it waits for the earlier ones). */
  private barrier?: Promise<unknown>;
  private options?: ConfigureOptions;
  /** Step reached by the current inner engine, as far as completed calls show. */
  private reached = 0;
  /** Step the pending calls will reach (step(n) calls may overlap to keep the GPU busy). */
  private requested = 0;
  /** Bumped by configure/reset: calls of an earlier race must not move `reached` of this one. */
  private generation = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  private replacing?: Promise<void>;
  private readonly failed = new WeakSet<Engine>();
  private readonly faultListeners: ((f: EngineFault) => void)[] = [];
  private readonly changeListeners: ((info: EngineInfo) => void)[] = [];

  constructor(
    initial: Engine,
    private readonly createGpu: GpuEngineFactory,
    private readonly createCpu: CpuEngineFactory = () => new CpuEngine(),
  ) {
    this.inner = initial;
    this.watch(initial);
  }

  get info(): EngineInfo {
    return this.inner.info;
  }

  /** The engine running now (diagnostics and tests; the UI needs only `info`). */
  get current(): Engine {
    return this.inner;
  }

  /**
   * A request the engine refuses (beyond the GPU's limits, or more runs than the CPU can hold)
   * rejects with its message and leaves the previous experiment configured, at its step; it
   * is not an engine fault, so there is no fallback.
   */
  configure(experiment: ResolvedExperiment, options: ConfigureOptions): Promise<EngineSnapshot> {
    const previous = { experiment: this.experiment, base: this.base, log: this.log, options: this.options, requested: this.requested, reached: this.reached };
    this.experiment = experiment;
    this.base = experiment;
    this.log = [];
    this.options = options;
    this.requested = 0;
    this.reached = 0;
    const generation = ++this.generation;
    return this.track(0, (e) => e.configure(experiment, options), true).catch((e: unknown) => {
      if (generation === this.generation && !this.failed.has(this.inner)) {
        Object.assign(this, previous);
        this.generation++;
      }
      throw e;
    });
  }

  step(n: number): Promise<EngineSnapshot> {
    const budget = this.experiment?.steps ?? 0;
    const target = Math.min(this.requested + Math.max(0, Math.floor(n)), budget);
    this.requested = target;
    return this.track(target, (e) => e.step(n));
  }

  reset(): Promise<EngineSnapshot> {
    this.base = this.experiment;
    this.log = [];
    this.requested = 0;
    this.reached = 0;
    this.generation++;
    return this.track(0, (e) => e.reset(), true);
  }

  retune(experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    return this.tune({ experiment });
  }

  restartRun(index: number, experiment: ResolvedExperiment): Promise<EngineSnapshot> {
    return this.tune({ experiment, index });
  }

  dispose(): void {
    this.inner.dispose();
  }

  onFault(listener: (error: EngineFault) => void): void {
    this.faultListeners.push(listener);
  }

  /** Called after the running engine changed (fault fallback or switchTo). */
  onChange(listener: (info: EngineInfo) => void): void {
    this.changeListeners.push(listener);
  }

  /**
   * The user's engine switch: the same experiment continues on `kind` from the current step.
   * Resolves with the snapshot at that step (without replayed samples), or undefined before
   * configure. Rejects (keeping the current engine) when `kind` is unavailable.
   */
  async switchTo(kind: EngineKind): Promise<EngineSnapshot | undefined> {
    await this.settle();
    if (kind === this.inner.info.kind) return undefined;
    const next = kind === 'gpu' ? await this.createGpu() : this.createCpu();
    if (!next) throw new Error('WebGPU is not available in this browser: no adapter.');
    return this.adopt(next);
  }

  /**
   * A retune or restartRun after every call made before it has settled, so that it happens at
   * a known global step (`reached`), which the log records. On an engine fault the replacement
   * replays the history and then applies it.
   */
  private tune(ev: Omit<TuneEvent, 'step'>): Promise<EngineSnapshot> {
    const prior = [...this.inFlight];
    const run = async (): Promise<EngineSnapshot> => {
      await Promise.allSettled(prior);
      if (this.replacing) await this.replacing.catch(() => undefined);
      const engine = this.inner;
      let snap: EngineSnapshot;
      try {
        snap = await applyTune(engine, ev);
      } catch (e) {
        if (!(e instanceof EngineFaultError) && !this.failed.has(engine)) throw e;
        const fault = e instanceof EngineFaultError ? e.fault : { reason: 'device-lost' as const, message: errorMessage(e) };
        await this.fallback(engine, fault);
        snap = await applyTune(this.inner, ev);
      }
      this.experiment = ev.experiment;
      this.log.push({ ...ev, step: snap.step });
      return snap;
    };
    const p = run();
    this.barrier = p;
    this.inFlight.add(p);
    const done = () => {
      this.inFlight.delete(p);
      if (this.barrier === p) this.barrier = undefined;
    };
    p.then(done, done);
    return p;
  }

  /** Runs op on the current engine; on an engine fault, falls back and reaches `target` on the CPU. */
  private track(target: number, op: (e: Engine) => Promise<EngineSnapshot>, restart = false): Promise<EngineSnapshot> {
    const p = this.attempt(target, op, restart);
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  private async attempt(target: number, op: (e: Engine) => Promise<EngineSnapshot>, restart: boolean): Promise<EngineSnapshot> {
    const generation = this.generation;
    if (this.barrier) await this.barrier.catch(() => undefined);
    if (this.replacing) await this.replacing;
    const engine = this.inner;
    try {
      const snap = await op(engine);
      if (engine === this.inner && generation === this.generation) this.reached = restart ? snap.step : Math.max(this.reached, snap.step);
      return snap;
    } catch (e) {
      // A refused request (limits) is the caller's to report; the engine itself is fine.
      if (e instanceof EngineFaultError && e.fault.reason === 'limits' && !this.failed.has(engine)) throw e;
      if (!(e instanceof EngineFaultError) && !this.failed.has(engine)) throw e;
      const fault = e instanceof EngineFaultError ? e.fault : { reason: 'device-lost' as const, message: errorMessage(e) };
      await this.fallback(engine, fault);
      // A fault while configuring/resetting: the replacement holds the new race at step 0; its
      // reset() snapshot carries the step-0 samples the caller is waiting for.
      if (restart && this.experiment && this.options) return this.inner.reset();
      return this.catchUp(target);
    }
  }

  /** Brings the (fallback) engine from `reached` to `target`, in call order. */
  private catchUpChain: Promise<unknown> = Promise.resolve();
  private catchUp(target: number): Promise<EngineSnapshot> {
    const run = async () => {
      const snap = await this.inner.step(Math.max(0, target - this.reached));
      this.reached = Math.max(this.reached, snap.step);
      return snap;
    };
    const p = this.catchUpChain.then(run, run);
    this.catchUpChain = p;
    return p;
  }

  private watch(engine: Engine): void {
    engine.onFault((f) => {
      if (engine === this.inner && engine.info.kind === 'gpu') void this.fallback(engine, f).catch(() => undefined);
      else if (engine === this.inner) this.emit(f);
    });
  }

  /** Replaces a faulted GPU engine by a CPU engine at the same step; once per engine. */
  private fallback(engine: Engine, fault: EngineFault): Promise<void> {
    if (this.failed.has(engine) || engine !== this.inner) return this.replacing ?? Promise.resolve();
    this.failed.add(engine);
    this.emit({ reason: fault.reason, message: `${fault.message} Continuing on the CPU engine.` });
    this.replacing = this.adopt(this.createCpu()).then(
      () => { this.replacing = undefined; },
      (e) => { this.replacing = undefined; throw e; },
    );
    return this.replacing;
  }

  /** Configures `next` like the current experiment, replays it to `reached`, and swaps it in. */
  private async adopt(next: Engine): Promise<EngineSnapshot | undefined> {
    const previous = this.inner;
    let snap: EngineSnapshot | undefined;
    try {
      if (this.base && this.options) {
        snap = await next.configure(this.base, this.options);
        for (const ev of this.log) {
          snap = await replayTo(next, snap, ev.step);
          snap = await applyTune(next, ev);
        }
        snap = await replayTo(next, snap, this.reached);
      }
    } catch (e) {
      next.dispose();
      throw e;
    }
    this.inner = next;
    this.watch(next);
    try { previous.dispose(); } catch { /* a lost device may throw while releasing; nothing to keep */ }
    for (const l of this.changeListeners) l(next.info);
    return snap && { ...snap, samples: undefined };
  }

  private async settle(): Promise<void> {
    // (tune() waits for the calls before it only: later ones wait for it.)
    while (this.inFlight.size > 0 || this.replacing) {
      await Promise.allSettled([...this.inFlight, this.replacing]);
    }
  }

  private emit(f: EngineFault): void {
    for (const l of this.faultListeners) {
      try { l(f); } catch { /* a listener's bug must not stop the others */ }
    }
  }
}

/** Steps `engine` from `snap.step` to `target`. */
async function replayTo(engine: Engine, snap: EngineSnapshot, target: number): Promise<EngineSnapshot> {
  // Replay in chunks: the UI already has these samples, and chunks bound their memory.
  while (snap.step < target) {
    const before = snap.step;
    snap = await engine.step(Math.min(REPLAY_CHUNK, target - snap.step));
    if (snap.step === before) break;
  }
  return snap;
}
