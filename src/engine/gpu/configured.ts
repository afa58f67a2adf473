/**
 * What configure sets up on the GPU engine: the runs' buffers, tables, dispatch groups and
 * start points, sized by the capacity plan. configure builds it afresh; retune updates the
 * tables and groups in place (same shapes), so the run data on the GPU stays.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { getOptimizer, stateSize } from '../../core/optimizers';
import { assertRetunable } from '../../core/simulate/retune';
import { DETAIL_MAX_RUNS, DEFAULT_RECORD_RUNS } from '../cpu/cpuEngine';
import { StatusDecoder } from '../runStatus';
import type { ConfigureOptions } from '../types';
import { planCapacity, type CapacityPlan } from './capacity';
import type { Group, PipelineCache } from './groups';
import type { StepLayouts } from './kernel';
import { createRunBuffers, type RunBuffers } from './runBuffers';
import { buildTables, groupRuns, type ConstTables } from './tables';

/** Dispatches of one group in one submit (bounds the uniform slots and a submit's length). */
export const DISPATCHES_PER_SUBMIT = 32;

/** An engine's configured experiment on its device. */
export interface Configured {
  /** The experiment, its tables and groups: replaced by retune (same shapes). */
  exp: ResolvedExperiment;
  tables: ConstTables;
  groups: Group[];
  readonly plan: CapacityPlan;
  readonly bufs: RunBuffers;
  readonly runCount: number;
  readonly recordCount: number;
  readonly detail: boolean;
  /** Initial planes x and y of `runs` (R values each, as f32): the start of every run. */
  readonly start: Float32Array;
  readonly stateSizes: Uint8Array;
  /** Decodes each snapshot's statuses, reusing the previous snapshot's where none changed. */
  readonly statuses: StatusDecoder;
}

/** What a configure request needs, checked against the device's limits (nothing allocated). */
interface PlannedRequest {
  readonly runCount: number;
  readonly recordCount: number;
  readonly starts: Float64Array | undefined;
  readonly tables: ReturnType<typeof buildTables>;
  readonly plan: CapacityPlan;
}

/**
 * Validates the options and plans capacity. Throws a plain Error for malformed options and
 * EngineFaultError('limits') when the device cannot hold the request; allocates nothing, so
 * the engine calls it before releasing its current setup.
 */
export function planRequest(limits: GPUSupportedLimits, software: boolean, exp: ResolvedExperiment, options: ConfigureOptions): PlannedRequest {
  const T = exp.runs.length;
  const runCount = options.replicas ? options.replicas.count : T;
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`Run count must be a positive integer, got ${runCount}`);
  const starts = options.replicas?.starts;
  if (starts && starts.length < 2 * runCount) throw new Error(`replicas.starts has ${starts.length} values, needs ${2 * runCount}`);
  const recordCount = options.record ? Math.min(runCount, options.recordRuns ?? DEFAULT_RECORD_RUNS) : 0;
  const { maxDispatchSteps } = options;
  if (maxDispatchSteps !== undefined && !(Number.isInteger(maxDispatchSteps) && maxDispatchSteps >= 1)) throw new Error(`maxDispatchSteps must be a positive integer, got ${maxDispatchSteps}`);
  const tables = buildTables(exp);
  const plan = planCapacity(limits, { runs: runCount, recorded: recordCount, templates: T, steps: exp.steps, objParams: tables.objParams, software, maxDispatchSteps, scheduleTable: tables.scheduleTable });
  return { runCount, recordCount, starts, tables, plan };
}

/** Validates the options, plans capacity, compiles the groups' pipelines and allocates the buffers. */
export async function createConfigured(device: GPUDevice, software: boolean, layouts: StepLayouts, pipelines: PipelineCache, exp: ResolvedExperiment, options: ConfigureOptions): Promise<Configured> {
  const T = exp.runs.length;
  const { runCount, recordCount, starts, tables, plan } = planRequest(device.limits, software, exp, options);
  const lists = tables.groups.map((g) => (tables.groups.length === 1 ? null : groupRuns(runCount, T, g.templates)));
  const shape = { runCount, recordCount, plan };
  const groups = await Promise.all(lists.map((list, i) => pipelines.makeGroup(tables, i, list, shape)));
  const paramSlots = groups.reduce((n, g) => n + g.ranges.length, 0) * (DISPATCHES_PER_SUBMIT + 1);
  const bufs = await createRunBuffers(device, layouts, { runs: runCount, recorded: recordCount, ringCap: plan.ringCap, consts: tables.data, paramSlots, groups: lists });
  const start = new Float32Array(2 * runCount);
  for (let i = 0; i < runCount; i++) {
    start[i] = starts ? starts[2 * i] : exp.start[0];
    start[runCount + i] = starts ? starts[2 * i + 1] : exp.start[1];
  }
  const stateSizes = Uint8Array.from({ length: T }, (_, t) => stateSize(getOptimizer(exp.runs[t].optimizer)));
  return { exp, tables, plan, bufs, groups, runCount, recordCount, detail: runCount <= DETAIL_MAX_RUNS, start, stateSizes, statuses: new StatusDecoder() };
}

/**
 * New hyperparameter, clip and schedule tables for the same runs: uploaded into `consts`
 * (queue-ordered after earlier submits); a group whose override flags no longer fit its
 * new values (clipping or a schedule turned on) gets pipelines specialised anew.
 * `assertUsable` runs after the pipelines are built, before anything is written: a fault or
 * dispose while they compiled leaves `c` as it was.
 */
export async function retuneConfigured(device: GPUDevice, pipelines: PipelineCache, c: Configured, exp: ResolvedExperiment, assertUsable: () => void): Promise<Configured> {
  assertRetunable(c.exp, exp);
  const tables = buildTables(exp);
  // A map's population without a schedule table (tables.ts) cannot take one on a retune.
  if (tables.scheduleTable && !c.tables.scheduleTable) throw new Error('retune: the new schedule needs a table this population was configured without; configure instead');
  const groups = await pipelines.retuneGroups(c.tables, c.groups, tables, c);
  assertUsable();
  device.queue.writeBuffer(c.bufs.consts, 0, tables.data);
  c.exp = exp;
  c.tables = tables;
  c.groups = groups;
  return c;
}
