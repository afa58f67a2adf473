/**
 * Dispatch groups: each optimizer group's threads split into dispatch ranges, each with step
 * and init pipelines specialised by the group's override flags. Pipelines are cached per
 * device, so configure and retune reuse what an earlier experiment compiled; retune builds a
 * group anew only when its flags no longer fit its new values.
 */
import { getOptimizer } from '../../core/optimizers';
import { dispatchGrid, type CapacityPlan } from './capacity';
import { createStepPipeline, specializationKey, STATE_STRIDE, type StepLayouts, type StepSpecialization } from './kernel';
import { stateSlotMask } from './optimizerWgsl';
import { countBelow, type ConstTables } from './tables';

/** One dispatch shape: threads [first, end) of a group, with the pipeline specialised for them. */
export interface Range {
  /**
   * The step loop (the fast pass, or for recorded runs the exact pass), the exact pass over
   * the runs whose fast pass saw a status event (none for recorded runs), and the init pass.
   */
  readonly pipeline: GPUComputePipeline;
  readonly replay: GPUComputePipeline | null;
  readonly init: GPUComputePipeline;
  readonly first: number;
  readonly end: number;
  readonly grid: { x: number; y: number; rowWidth: number };
}

/**
 * An optimizer group's threads: the recorded runs (a prefix: run lists are ascending) in one
 * range with a recording pipeline, the rest in another whose kernel has no recording code.
 */
export interface Group {
  readonly ranges: readonly Range[];
  readonly count: number;
  readonly indexed: boolean;
  /** The group's run list (thread i runs list[i]); null: thread i runs run i. */
  readonly list: Uint32Array | null;
}

/** The run counts and capacity plan a group's ranges are cut for (fixed until configure). */
export interface GroupShape {
  readonly runCount: number;
  readonly recordCount: number;
  readonly plan: CapacityPlan;
}

/** Step pipelines of one device, keyed by optimizer, specialization and formula. */
export class PipelineCache {
  private readonly device: GPUDevice;
  private readonly layouts: StepLayouts;
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();
  private readonly exactGuards: boolean;

  /**
   * `exactGuards`: compile the formula with its bit-exactness guards (WgslEmitOptions): on for
   * software adapters, where they buy bit-exact parity; off on hardware, where FMA contraction
   * already makes parity a tolerance and the guards could only cost.
   */
  constructor(device: GPUDevice, layouts: StepLayouts, exactGuards = true) {
    this.device = device;
    this.layouts = layouts;
    this.exactGuards = exactGuards;
  }

  /** The pipeline for these tables' formula; a failed build is forgotten so a retry compiles anew. */
  get(t: ConstTables, optimizer: string, spec: StepSpecialization): Promise<GPUComputePipeline> {
    const key = `${optimizer}\u0000${specializationKey(spec)}\u0000${t.formula.params.join(',')}\u0000${t.formula.source}`;
    let p = this.pipelines.get(key);
    if (!p) {
      p = createStepPipeline(this.device, this.layouts, t.formula, getOptimizer(optimizer).id, spec, this.exactGuards);
      this.pipelines.set(key, p);
      p.catch(() => this.pipelines.delete(key));
    }
    return p;
  }

  /** Group i's dispatch ranges, with pipelines specialised for its tables' flags. */
  async makeGroup(tables: ConstTables, i: number, list: Uint32Array | null, shape: GroupShape): Promise<Group> {
    const { runCount, recordCount, plan } = shape;
    const g = tables.groups[i];
    const count = list ? list.length : runCount;
    const recorded = list ? countBelow(list, recordCount) : Math.min(count, recordCount);
    const bounds: [number, number, boolean][] = [[0, recorded, true], [recorded, count, false]];
    // The steps touch only the state slots this group's hyperparameters can reach; the init
    // pass sets them all. One template: its hyperparameters at constant offsets.
    const full = stateSlotMask(g.optimizer, g.stateSize, 0xffffffff);
    const stepMask = stateSlotMask(g.optimizer, g.stateSize, g.hpNonzero);
    const base = { ...g, workgroupSize: plan.workgroupSize, hpAt: g.templates.length === 1 ? tables.hyperOffset + g.templates[0] * STATE_STRIDE : -1 };
    const ranges = await Promise.all(bounds.filter(([a, b]) => b > a).map(async ([first, end, record]) => ({
      pipeline: await this.get(tables, g.optimizer, { ...base, init: false, record, replay: false, stateMask: stepMask }),
      replay: record ? null : await this.get(tables, g.optimizer, { ...base, init: false, record, replay: true, stateMask: stepMask }),
      init: await this.get(tables, g.optimizer, { ...base, init: true, record, replay: false, stateMask: full }),
      first, end, grid: dispatchGrid(end - first, plan.workgroupSize, this.device.limits.maxComputeWorkgroupsPerDimension),
    })));
    return { ranges, count, indexed: list !== null, list };
  }

  /**
   * The groups for retuned tables of the same runs: a group keeps its ranges while its
   * structure is unchanged, and gets pipelines specialised anew when its override flags no
   * longer fit its new values (clipping or a schedule turned on).
   */
  retuneGroups(old: ConstTables, groups: readonly Group[], tables: ConstTables, shape: GroupShape): Promise<Group[]> {
    return Promise.all(tables.groups.map((g, i) => {
      const was = old.groups[i];
      const same = was.optimizer === g.optimizer && was.clip === g.clip && was.schedule === g.schedule && was.hpCount === g.hpCount && was.stateSize === g.stateSize && was.hpNonzero === g.hpNonzero && was.finite === g.finite;
      return same ? groups[i] : this.makeGroup(tables, i, groups[i].list, shape);
    }));
  }
}
