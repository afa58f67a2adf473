/**
 * The race runner: the only code that talks to the engine. A requestAnimationFrame loop reads
 * the store with getState(), sends at most one engine request at a time (never overlapping),
 * and writes snapshots back into the store; plots follow through store.subscribe. React never
 * re-renders at frame rate.
 *
 * A hyperparameter edit during a race (step > 0) keeps the race: in 'restart' mode the edited
 * run alone goes back to the start point (engine.restartRun), in 'continue' mode every run
 * continues with the new values (engine.retune). Any other physics change, or an edit at
 * step 0, configures a new race.
 */
import type { ResolvedExperiment } from '../core/experiment';
import { bindObjective, getObjective, type KnownMinimum } from '../core/objectives';
import { assertRetunable } from '../core/simulate/retune';
import type { EngineSnapshot } from '../engine/types';
import type { ResilientEngine, EnginePreference } from '../engine';
import { createEngine } from '../engine';
import { physicsKey } from './draft';
import { MAX_CATCH_UP_FRAMES, RateMeter, catchUpFrames, raceFinished, stepsForFrame } from './playback';
import type { AppStore } from './store';
import type { HyperChangeMode } from './uiSlice';

/** Anything with requestAnimationFrame's shape (tests pass a manual clock). */
export interface FrameScheduler {
  request(cb: () => void): number;
  cancel(id: number): void;
}

const rafScheduler: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

function minimaOf(e: ResolvedExperiment): KnownMinimum[] {
  try {
    return [...bindObjective(e.objective.id, e.objective.params, e.objective.formula, e.seed).minima];
  } catch {
    return [];
  }
}

/**
 * Indices of the runs whose hyperparameters, schedule or clip norm differ, when `next` can be
 * retuned from `prev` (same runs, optimizers, objective, start, budget); null otherwise.
 */
export function editedRuns(prev: ResolvedExperiment | null, next: ResolvedExperiment): number[] | null {
  if (!prev) return null;
  // A race on data is reconfigured on any edit (its engine neither retunes nor restarts a run).
  if (getObjective(next.objective.id).dataset) return null;
  try {
    assertRetunable(prev, next);
  } catch {
    return null;
  }
  const tuning = (r: ResolvedExperiment['runs'][number]) => JSON.stringify([r.hyper, r.schedule, r.max_grad_norm]);
  return next.runs.flatMap((r, i) => (tuning(r) === tuning(prev.runs[i]) ? [] : [i]));
}

export class RaceRunner {
  private engine: ResilientEngine | null = null;
  private busy = false;
  private carry = 0;
  /**
   * Frames that passed while the engine was still answering: their steps are asked for with
   * the next request, so a slow engine (a software GPU) still plays at the chosen speed.
   * Capped, so a stall does not turn into one huge jump.
   */
  private missedFrames = 0;
  private key = '';
  /** The experiment the engine runs now (configured, then retuned). */
  private running: ResolvedExperiment | null = null;
  private resetToken = -1;
  private pref: EnginePreference | null = null;
  private frame = 0;
  private stopped = false;
  private readonly meter = new RateMeter(1000);
  private total = 0;
  private lastRateAt = 0;

  constructor(
    private readonly store: AppStore,
    private readonly makeEngine: (p: EnginePreference) => Promise<ResilientEngine> = createEngine,
    private readonly scheduler: FrameScheduler = rafScheduler,
  ) {}

  /** Starts the loop. */
  start(): void {
    this.stopped = false;
    this.frame = this.scheduler.request(this.tick);
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.cancel(this.frame);
    this.engine?.dispose();
    this.engine = null;
  }

  private readonly tick = (): void => {
    if (this.stopped) return;
    this.frame = this.scheduler.request(this.tick);
    if (!this.busy) void this.work();
    else this.missedFrames = Math.min(this.missedFrames + 1, MAX_CATCH_UP_FRAMES - 1);
  };

  /** Does the one most urgent thing; `busy` keeps requests from overlapping. */
  private async work(): Promise<void> {
    this.busy = true;
    try {
      await this.next();
    } catch (e) {
      const s = this.store.getState();
      s.setFault(e instanceof Error ? e.message : String(e));
      s.pause();
    } finally {
      this.busy = false;
    }
  }

  private async next(): Promise<void> {
    const s = this.store.getState();
    if (!this.engine || this.pref !== s.enginePref) return this.ensureEngine(s.enginePref);
    const key = physicsKey(s.resolved);
    if (key !== this.key) {
      const edited = s.lastChange === 'hyper' && s.step > 0 ? editedRuns(this.running, s.resolved) : null;
      if (edited && edited.length > 0) return this.tune(s.resolved, key, edited, s.hyperMode);
      return this.configure(s.resolved, key);
    }
    if (s.resetToken !== this.resetToken) {
      this.resetToken = s.resetToken;
      return this.configure(s.resolved, key);
    }
    const remaining = s.resolved.steps - s.step;
    const pending = s.takePendingSteps();
    if (pending > 0) return this.advance(Math.min(pending, remaining));
    if (!s.playing) {
      this.carry = 0;
      this.missedFrames = 0;
      this.meter.reset();
      if (s.stepsPerSec !== 0) s.setStepsPerSec(0);
      return;
    }
    if (raceFinished(s.step, s.resolved.steps, s.statuses.map((x) => x.kind))) {
      s.finish();
      return;
    }
    const frames = catchUpFrames(this.missedFrames);
    this.missedFrames = 0;
    const f = stepsForFrame(this.carry, s.speed * frames, remaining);
    this.carry = f.carry;
    if (f.n > 0) await this.advance(f.n);
  }

  private async ensureEngine(pref: EnginePreference): Promise<void> {
    const s = this.store.getState();
    if (!this.engine) {
      const engine = await this.makeEngine(pref);
      engine.onFault((f) => this.store.getState().setFault(f.message, f.reason));
      engine.onChange((info) => this.store.getState().setEngineInfo(info));
      this.engine = engine;
      this.pref = pref;
      s.setEngineInfo(engine.info);
      return;
    }
    this.pref = pref;
    const want = pref === 'cpu' ? 'cpu' : 'gpu';
    try {
      const snap = await this.engine.switchTo(want);
      if (snap) this.store.getState().ingest(snap);
    } catch (e) {
      // 'auto' quietly stays on the CPU when there is no GPU; an explicit 'gpu' says why not.
      if (pref === 'gpu') s.setFault(e instanceof Error ? e.message : String(e));
    }
    s.setEngineInfo(this.engine.info);
  }

  /** A hyperparameter edit mid-race: restart the edited runs, or continue every run. */
  private async tune(e: ResolvedExperiment, key: string, edited: readonly number[], mode: HyperChangeMode): Promise<void> {
    const engine = this.engine!;
    this.key = key;
    this.running = e;
    this.carry = 0;
    const uids = this.store.getState().runUids;
    if (mode === 'continue') {
      const snap = await engine.retune(e);
      if (key !== this.key) return;
      this.store.getState().ingest(snap);
      this.store.getState().setNotice('notice.runContinues', uids[edited[0]]);
      this.store.getState().resumeAfterFinish();
      return;
    }
    for (const i of edited) {
      const snap = await engine.restartRun(i, e);
      if (key !== this.key) return;
      this.store.getState().restartRun(i, snap);
    }
    this.store.getState().setNotice('notice.runRestarted', uids[edited[0]]);
    // A finished race whose run was restarted plays that run on.
    this.store.getState().resumeAfterFinish();
  }

  /** Configures a new race at step 0. */
  private async configure(e: ResolvedExperiment, key: string): Promise<void> {
    const engine = this.engine!;
    this.key = key;
    this.running = e;
    this.resetToken = this.store.getState().resetToken;
    this.carry = 0;
    const uids = this.store.getState().draft.runs.map((r) => r.uid);
    const snap = await engine.configure(e, { record: true });
    this.store.getState().beginRace(uids, minimaOf(e), getObjective(e.objective.id).bounded);
    this.store.getState().ingest(snap);
    // A new race after one that finished by itself starts playing, as the first one did.
    this.store.getState().resumeAfterFinish();
    // Some of what the badge says is known only once configured (the CPU engine's step code).
    this.store.getState().setEngineInfo(engine.info);
  }

  private async advance(n: number): Promise<void> {
    if (n <= 0) return;
    const key = this.key;
    const snap: EngineSnapshot = await this.engine!.step(n);
    // A config edit while the step was in flight: its snapshot belongs to the old race.
    if (key !== this.key) return;
    this.store.getState().ingest(snap);
    this.total += n;
    this.measure();
  }

  private measure(): void {
    const now = performance.now();
    this.meter.add(now, this.total);
    if (now - this.lastRateAt > 500) {
      this.lastRateAt = now;
      this.store.getState().setStepsPerSec(this.meter.rate());
    }
  }
}
