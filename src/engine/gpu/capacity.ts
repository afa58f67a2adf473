/**
 * Buffer sizes and dispatch shapes derived from the device limits, so 1 to 1,000,000+ runs fit
 * where the hardware allows, and a request beyond them fails with a message that names the
 * limit, the need and the largest run count that would fit.
 */
import { EngineFaultError } from '../fault';
import { STATE_STRIDE } from './kernel';

/** Bytes per run in the largest per-run buffer (optimizer state, 16 f32). */
const STATE_BYTES = STATE_STRIDE * 4;
/** Bytes of one sample (x, y, f, ‖g‖ as f32). */
export const SAMPLE_BYTES = 16;
/** Sample ring budget: big enough for long chunks of a race, small next to the state. */
const RING_BUDGET_BYTES = 32 * 1024 * 1024;
const MAX_RING_STEPS = 1024;
/** Run-steps per dispatch on a hardware GPU: keeps one dispatch well under its watchdog (TDR ~2 s). */
const RUN_STEPS_PER_DISPATCH = 1 << 25;
/**
 * On a software adapter no watchdog resets a CPU, and every dispatch loads and stores each
 * run's state once more: per-lane gathers and scatters on SwiftShader, ≈ 0.1 s per dispatch at
 * a million runs (docs/benchmarks.md, "Fourth round"). Dispatches there take up to
 * MAX_STEPS_PER_DISPATCH steps at any run count.
 */
const SOFTWARE_RUN_STEPS_PER_DISPATCH = 1 << 30;
const MAX_STEPS_PER_DISPATCH = 1024;

export interface CapacityPlan {
  /** Sample ring capacity in steps (chunks of one submit never exceed ringCap - 1 steps). */
  readonly ringCap: number;
  /** Steps looped inside one dispatch. */
  readonly stepsPerDispatch: number;
  readonly workgroupSize: number;
}

const fmtBytes = (b: number): string => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(0)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
const fmtInt = (n: number): string => n.toLocaleString('en-US');

/** What planCapacity sizes. */
export interface CapacityRequest {
  readonly runs: number;
  /** Runs recording samples. */
  readonly recorded: number;
  readonly templates: number;
  readonly steps: number;
  readonly objParams: number;
  /** The adapter is software (CPU speed, no watchdog): longer dispatches. */
  readonly software: boolean;
  /** A lower cap on steps per dispatch (ConfigureOptions.maxDispatchSteps). */
  readonly maxDispatchSteps?: number;
  /** consts holds the schedule table (tables.ts hasScheduleTable); default true. */
  readonly scheduleTable?: boolean;
}

/**
 * Plans buffers for `runs` runs (`recorded` of them recording samples) of `steps` steps over
 * `templates` templates; throws EngineFaultError('limits') when the device cannot hold them.
 */
export function planCapacity(limits: GPUSupportedLimits, req: CapacityRequest): CapacityPlan {
  const { runs, recorded, templates, steps, objParams } = req;
  const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const need = runs * STATE_BYTES;
  if (need > maxBinding) {
    throw new EngineFaultError({
      reason: 'limits',
      message: `${fmtInt(runs)} parallel runs need ${fmtInt(need)} bytes of optimizer state in one buffer (${STATE_BYTES} per run), but this GPU allows ${fmtInt(maxBinding)} bytes per storage buffer (maxStorageBufferBindingSize): at most ${fmtInt(Math.floor(maxBinding / STATE_BYTES))} runs fit.`,
    });
  }
  const constsBytes = 4 * (objParams + templates * (2 * STATE_STRIDE + 1 + (req.scheduleTable === false ? 0 : steps + 1)));
  if (constsBytes > maxBinding) {
    throw new EngineFaultError({
      reason: 'limits',
      message: `${fmtInt(templates)} runs × ${fmtInt(steps)} steps of learning-rate schedule need ${fmtBytes(constsBytes)}, more than this GPU's ${fmtBytes(maxBinding)} per storage buffer; use fewer steps or runs.`,
    });
  }
  const workgroupSize = Math.min(64, limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
  const maxThreads = limits.maxComputeWorkgroupsPerDimension ** 2 * workgroupSize;
  if (runs > maxThreads) {
    throw new EngineFaultError({ reason: 'limits', message: `${fmtInt(runs)} runs exceed this GPU's dispatch grid (${fmtInt(maxThreads)} threads).` });
  }
  let ringCap = 2;
  if (recorded > 0) {
    const perStep = recorded * SAMPLE_BYTES;
    ringCap = Math.min(MAX_RING_STEPS, Math.floor(Math.min(RING_BUDGET_BYTES, maxBinding) / perStep));
    if (ringCap < 2) {
      const most = Math.floor(Math.min(RING_BUDGET_BYTES, maxBinding) / (2 * SAMPLE_BYTES));
      throw new EngineFaultError({ reason: 'limits', message: `Recording ${fmtInt(recorded)} runs needs ${fmtBytes(2 * perStep)} of sample ring; at most ${fmtInt(most)} runs can record.` });
    }
  }
  const runSteps = req.software ? SOFTWARE_RUN_STEPS_PER_DISPATCH : RUN_STEPS_PER_DISPATCH;
  const cap = Math.min(MAX_STEPS_PER_DISPATCH, req.maxDispatchSteps ?? Infinity);
  const stepsPerDispatch = Math.max(1, Math.min(cap, Math.floor(runSteps / runs)));
  return { ringCap, stepsPerDispatch, workgroupSize };
}

/** A 1-D or 2-D grid of workgroups covering `threads` threads, and the row width in threads. */
export function dispatchGrid(threads: number, workgroupSize: number, maxPerDim: number): { x: number; y: number; rowWidth: number } {
  const groups = Math.max(1, Math.ceil(threads / workgroupSize));
  if (groups <= maxPerDim) return { x: groups, y: 1, rowWidth: groups * workgroupSize };
  const x = Math.min(maxPerDim, Math.ceil(Math.sqrt(groups)));
  return { x, y: Math.ceil(groups / x), rowWidth: x * workgroupSize };
}
