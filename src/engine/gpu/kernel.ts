/**
 * Composition of the step kernel (shaders/step.wgsl) with its parts, and its pipeline:
 * common.wgsl + the objective's WGSL (parameters read from `consts` at run time) + clip.wgsl +
 * one optimizer's opt_step + step.wgsl. One pipeline per optimizer; compile errors become
 * EngineFaultError('shader') with the compiler's messages.
 */
import type { CompiledFormula } from '../../core/expr';
import type { OptimizerId } from '../../core/optimizers';
import { EngineFaultError, errorMessage } from '../fault';
import commonWgsl from '../../../shaders/common.wgsl?raw';
import stepWgsl from '../../../shaders/step.wgsl?raw';
import replayArgsWgsl from '../../../shaders/replay_args.wgsl?raw';
import { optimizerWgsl } from './optimizerWgsl';
import { unrollLoops } from './unroll';



/** Uniform slot size: StepParams is 80 bytes; dynamic offsets need 256-byte alignment. */
export const PARAMS_SLOT = 256;
/** f32 values per run of optimizer state and per template of hyperparameters. */
export const STATE_STRIDE = 16;

/**
 * Full WGSL of the step kernel for one objective and one optimizer. The objective's parameters
 * are copied from `consts` into private scalars once per thread (load_obj_params), not read
 * from the storage buffer at every evaluation: same f32 values, one gather instead of one per
 * use per step. `exactGuards` (default true): the formula's bit-exactness guards
 * (WgslEmitOptions.exactGuards); the engine turns them off on hardware adapters.
 */
export function stepKernelSource(formula: CompiledFormula, optimizer: OptimizerId, exactGuards = true): string {
  const n = formula.params.length;
  const params = Array.from({ length: n }, (_, i) => `var<private> obj_p${i}: f32;`).join('\n');
  const loads = Array.from({ length: n }, (_, i) => `  obj_p${i} = consts[${i}u];`).join('\n');
  const load = `fn load_obj_params() {\n${loads}\n}`;
  const objective = formula.toWgsl({ prefix: 'obj_', paramExpr: (i) => `obj_p${i}`, exactGuards });
  return [commonWgsl, params, load, objective, optimizerWgsl('clip', 'hp_flags', optimizer), unrollLoops(stepWgsl)].join('\n');
}

/**
 * The kernel's `override` flags: structure fixed for one pipeline (never hyperparameter values).
 * See shaders/step.wgsl for what each one removes.
 */
export interface StepSpecialization {
  readonly workgroupSize: number;
  /** The init pass (evaluate θ_0) instead of the step loop. */
  readonly init: boolean;
  readonly record: boolean;
  /** The exact pass over the replay list (runs whose fast pass saw a status event). */
  readonly replay: boolean;
  readonly clip: boolean;
  readonly schedule: boolean;
  /** Hyperparameter slots the optimizer reads (1..16). */
  readonly hpCount: number;
  /** Optimizer state slots (0..16). */
  readonly stateSize: number;
  /** Bit i: hp[i] is nonzero for some template (HP_NONZERO); branches on a zero hp are removed. */
  readonly hpNonzero: number;
  /** Bit k: state slot k is loaded and stored (STATE_MASK; ./optimizerWgsl stateSlotMask). */
  readonly stateMask: number;
  /** consts offset of the hyperparameters when every run of the group uses one template; -1: per run (HP_AT). */
  readonly hpAt: number;
  /** f and ∇f provably finite within the bound: the fast pass tests no NaN/±Inf per step (FINITE). */
  readonly finite: boolean;
}

/** A stable cache key of a specialization. */
export function specializationKey(s: StepSpecialization): string {
  return `${s.workgroupSize}/${+s.init}${+s.record}${+s.replay}${+s.clip}${+s.schedule}/${s.hpCount}/${s.stateSize}/${s.hpNonzero.toString(16)}/${s.stateMask.toString(16)}/${s.hpAt}/${+s.finite}`;
}

function pipelineConstants(s: StepSpecialization): Record<string, number> {
  return {
    WG: s.workgroupSize,
    INIT: +s.init,
    RECORD: +s.record,
    REPLAY: +s.replay,
    CLIP: +s.clip,
    SCHEDULE: +s.schedule,
    HP_COUNT: Math.max(1, s.hpCount),
    STATE_VEC4: Math.max(1, Math.ceil(s.stateSize / 4)),
    HP_NONZERO: s.hpNonzero,
    STATE_MASK: s.stateMask,
    HP_AT: s.hpAt < 0 ? 0xffffffff : s.hpAt,
    FINITE: +s.finite,
  };
}

/** The explicit bind group layouts shared by every step pipeline of a device. */
export interface StepLayouts {
  readonly shared: GPUBindGroupLayout;
  readonly perPass: GPUBindGroupLayout;
  readonly pipeline: GPUPipelineLayout;
  /** shaders/replay_args.wgsl: the replay list's header and the indirect arguments. */
  readonly replayArgs: GPUBindGroupLayout;
  readonly replayArgsPipeline: GPUComputePipeline;
}

export function createStepLayouts(device: GPUDevice): StepLayouts {
  const C = GPUShaderStage.COMPUTE;
  const shared = device.createBindGroupLayout({
    label: 'step-shared-layout',
    entries: [
      { binding: 0, visibility: C, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: 80 } },
      { binding: 1, visibility: C, buffer: { type: 'read-only-storage' } },
    ],
  });
  const rw: GPUBufferBindingLayout = { type: 'storage' };
  const perPass = device.createBindGroupLayout({
    label: 'step-per-pass-layout',
    entries: [
      { binding: 0, visibility: C, buffer: rw },
      { binding: 1, visibility: C, buffer: rw },
      { binding: 2, visibility: C, buffer: rw },
      { binding: 3, visibility: C, buffer: rw },
      { binding: 4, visibility: C, buffer: { type: 'read-only-storage' } },
      { binding: 5, visibility: C, buffer: { type: 'read-only-storage' } },
      { binding: 6, visibility: C, buffer: rw },
    ],
  });
  const pipeline = device.createPipelineLayout({ label: 'step-pipeline-layout', bindGroupLayouts: [shared, perPass] });
  const replayArgs = device.createBindGroupLayout({
    label: 'replay-args-layout',
    entries: [{ binding: 0, visibility: C, buffer: rw }, { binding: 1, visibility: C, buffer: rw }],
  });
  const replayArgsPipeline = device.createComputePipeline({
    label: 'replay-args',
    layout: device.createPipelineLayout({ label: 'replay-args-pipeline-layout', bindGroupLayouts: [replayArgs] }),
    compute: {
      module: device.createShaderModule({ label: 'replay-args', code: replayArgsWgsl }),
      entryPoint: 'main',
      // The step kernel's workgroup size (capacity.ts plans the same) and grid limit.
      constants: {
        WG: Math.min(64, device.limits.maxComputeInvocationsPerWorkgroup, device.limits.maxComputeWorkgroupSizeX),
        MAX_GROUPS: device.limits.maxComputeWorkgroupsPerDimension,
      },
    },
  });
  return { shared, perPass, pipeline, replayArgs, replayArgsPipeline };
}

/**
 * Compiles the step kernel. Rejects with EngineFaultError('shader') when WGSL does not compile
 * (e.g. a user formula that the GPU rejects) or the pipeline cannot be created. `exactGuards`:
 * see stepKernelSource.
 */
export async function createStepPipeline(
  device: GPUDevice,
  layouts: StepLayouts,
  formula: CompiledFormula,
  optimizer: OptimizerId,
  spec: StepSpecialization,
  exactGuards = true,
): Promise<GPUComputePipeline> {
  const code = stepKernelSource(formula, optimizer, exactGuards);
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: `step-${optimizer}`, code });
  const info = await module.getCompilationInfo();
  const scopeError = await device.popErrorScope();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0 || scopeError) {
    const text = errors.length > 0
      ? errors.slice(0, 3).map((m) => `line ${m.lineNum}:${m.linePos} ${m.message}`).join('; ')
      : scopeError!.message;
    throw new EngineFaultError({ reason: 'shader', message: `The GPU could not compile the step kernel for ${optimizer} on "${formula.source}": ${text}.` });
  }
  try {
    return await device.createComputePipelineAsync({
      label: `step-pipeline-${optimizer}-${specializationKey(spec)}`,
      layout: layouts.pipeline,
      compute: { module, entryPoint: 'main', constants: pipelineConstants(spec) },
    });
  } catch (e) {
    throw new EngineFaultError({ reason: 'shader', message: `The GPU could not build the step pipeline for ${optimizer}: ${errorMessage(e)}.` });
  }
}
