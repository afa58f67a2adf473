/**
 * One run of a finite-sum race (dataRace.ts), its configuration and everything precomputed for
 * it once, already rounded for the precision: method, hyperparameters, schedule table, clip
 * norm, sampler, and the SAG / SVRG state.
 */
import type { ScheduleConfig } from '../experiment';
import { getOptimizer, resolveHyper, stateSize } from '../optimizers';
import type { HyperValues, OptimizerDef, OptimizerId } from '../optimizers/types';
import { defaultSchedule, scheduleFactors } from '../schedule';
import type { FiniteSumMethod } from './gradEvals';
import { SagState } from './sag';
import { BatchSampler, type BatchRegime } from './sampler';
import { SvrgState, svrgPeriod } from './svrg';

/**
 * A registry optimizer (stepping with the batch gradient), or one of the finite-sum methods.
 * 'sag' and 'svrg' are in the registry too (their schema: lr, and svrg's m; their `step` is what
 * they reduce to on a surface); here they run the real algorithms of sag.ts and svrg.ts.
 */
export type RaceOptimizer = OptimizerId | 'sag' | 'svrg';

/** One run of a race. */
export interface RaceRunConfig {
  readonly optimizer: RaceOptimizer;
  /**
   * Registry optimizers: their hyperparameters (missing ones take defaults). 'sag': { lr }.
   * 'svrg': { lr, m } with m the snapshot period (0 or absent = 2n).
   */
  readonly hyper: HyperValues;
  readonly batch: BatchRegime;
  /** The run's own sampling stream: runs with different streams draw different batches. */
  readonly stream: number;
  /** Learning-rate schedule (constant when absent); lr_t = r(r(lr)·r(m[t])) for every method. */
  readonly schedule?: ScheduleConfig;
  /** Registry optimizers only: clipping by global norm, 0 / absent = off. */
  readonly max_grad_norm?: number;
}

/** A run ready to step. */
export interface PreparedRaceRun {
  readonly method: FiniteSumMethod;
  /** The registry optimizer ('plain' runs only). */
  readonly def: OptimizerDef | null;
  readonly h: Readonly<Record<string, number>>;
  /** r(lr). */
  readonly lr: number;
  /** r(m[t]), t = 0..steps. */
  readonly m: Float64Array;
  readonly maxNorm: number;
  /** Fresh optimizer state (copied on reset). */
  readonly state0: Float64Array;
  readonly state: Float64Array;
  /** null for a plain full-batch run: it steps with the full gradient the race records anyway. */
  readonly sampler: BatchSampler | null;
  readonly indices: Uint32Array;
  readonly sag: SagState | null;
  readonly svrg: SvrgState | null;
}

function checkLr(lr: number, id: string): number {
  if (!Number.isFinite(lr) || lr < 0) throw new Error(`Run '${id}': lr must be a finite number ≥ 0, got ${lr}`);
  return lr;
}

/** Prepares one run for a dataset of n samples, a race of `steps` steps, under rounding r. */
export function prepareRaceRun(run: RaceRunConfig, n: number, steps: number, seed: number, r: (v: number) => number): PreparedRaceRun {
  if (!Number.isInteger(run.stream) || run.stream < 0 || run.stream > 0xffffffff) throw new Error(`Run stream must be a u32, got ${run.stream}`);
  const m = scheduleFactors(run.schedule ?? defaultSchedule(steps), steps).map(r);
  const full = run.batch.size === 0;
  const method: FiniteSumMethod = run.optimizer === 'sag' || run.optimizer === 'svrg' ? run.optimizer : 'plain';
  // Defaults and names from the registry schema, for SAG and SVRG as for the others.
  const schema = getOptimizer(run.optimizer);
  const h = resolveHyper(schema, run.hyper, r);
  checkLr(h.lr, run.optimizer);
  // m is an integer up to 10⁶, exact in f32; 0 = 2n.
  if (method === 'svrg') h.m = svrgPeriod(h.m, n);
  const def: OptimizerDef | null = method === 'plain' ? schema : null;
  const state0 = new Float64Array(def === null ? 0 : stateSize(def));
  if (def !== null) {
    def.init(h, state0);
    for (let j = 0; j < state0.length; j++) state0[j] = r(state0[j]);
  }
  const sampler = method === 'plain' && full ? null : new BatchSampler(run.batch, n, seed, run.stream);
  const capacity = sampler === null ? 0 : sampler.capacity;
  return {
    method,
    def,
    h,
    lr: h.lr,
    m,
    maxNorm: def === null ? 0 : r(run.max_grad_norm ?? 0),
    state0,
    state: state0.slice(),
    sampler,
    indices: new Uint32Array(capacity),
    sag: method === 'sag' ? new SagState(n) : null,
    svrg: method === 'svrg' ? new SvrgState(h.m, Math.max(1, capacity)) : null,
  };
}

/** Fresh state: optimizer state from state0, SAG table cleared, SVRG snapshot cleared. */
export function resetRaceRun(p: PreparedRaceRun): void {
  p.state.set(p.state0);
  p.sag?.reset();
  p.svrg?.reset();
}
