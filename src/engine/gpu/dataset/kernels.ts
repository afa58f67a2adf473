/**
 * The dataset kernels' WGSL and pipelines: the sample pass (shaders/dataset/sample_grad.wgsl,
 * with the loss's WGSL reading its parameters from the data columns) and the reduce pass
 * (shaders/dataset/reduce_partials.wgsl), both after shaders/dataset/batch_common.wgsl, with
 * explicit bind group layouts: @group(0) the pass's parameters and the run table, @group(1)
 * the pass's storage. Compile errors become EngineFaultError('shader').
 */
import type { CompiledFormula } from '../../../core/expr';
import { REDUCE_WORKGROUP } from '../../../core/finiteSum/treeSum';
import { EngineFaultError, errorMessage } from '../../fault';
import commonWgsl from '../../../../shaders/dataset/batch_common.wgsl?raw';
import sampleWgsl from '../../../../shaders/dataset/sample_grad.wgsl?raw';
import reduceWgsl from '../../../../shaders/dataset/reduce_partials.wgsl?raw';

/** Bytes of BatchParams (batch_common.wgsl); each pass has its own 256-byte uniform slot. */
export const BATCH_PARAMS_BYTES = 32;
export const BATCH_PARAMS_SLOT = 256;
/** Binding of data column i in the sample pass's @group(1): after indices (0) and partials (1). */
export const COLUMN_BINDING0 = 2;

/**
 * Full WGSL of the sample pass for `loss`: one read-only f32 storage column per formula
 * parameter, read at the module-scope `sampleIndex` the kernel sets before calling loss_fg.
 * `exactGuards` (default true): the formula's bit-exactness guards (WgslEmitOptions).
 */
export function sampleKernelSource(loss: CompiledFormula, exactGuards = true): string {
  const columns = loss.params.map((name, i) => `@group(1) @binding(${COLUMN_BINDING0 + i}) var<storage, read> col${i}: array<f32>; // ${name}`);
  const formula = loss.toWgsl({ prefix: 'loss_', paramExpr: (i) => `col${i}[sampleIndex]`, exactGuards });
  return [commonWgsl, ...columns, 'var<private> sampleIndex: u32;', formula, sampleWgsl].join('\n');
}

/** Full WGSL of the reduce pass. */
export function reduceKernelSource(): string {
  return [commonWgsl, reduceWgsl].join('\n');
}

/** Layouts and pipelines of one loss on one device. */
export interface SampleKernels {
  readonly shared: GPUBindGroupLayout;
  readonly samplePass: GPUBindGroupLayout;
  readonly reducePass: GPUBindGroupLayout;
  readonly sample: GPUComputePipeline;
  readonly reduce: GPUComputePipeline;
}

async function compile(device: GPUDevice, label: string, code: string, layout: GPUPipelineLayout, what: string): Promise<GPUComputePipeline> {
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label, code });
  const info = await module.getCompilationInfo();
  const scopeError = await device.popErrorScope();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0 || scopeError) {
    const text = errors.length > 0 ? errors.slice(0, 3).map((m) => `line ${m.lineNum}:${m.linePos} ${m.message}`).join('; ') : scopeError!.message;
    throw new EngineFaultError({ reason: 'shader', message: `The GPU could not compile the ${what}: ${text}.` });
  }
  try {
    return await device.createComputePipelineAsync({
      label: `${label}-pipeline`, layout,
      compute: { module, entryPoint: 'main', constants: { WG: REDUCE_WORKGROUP } },
    });
  } catch (e) {
    throw new EngineFaultError({ reason: 'shader', message: `The GPU could not build the ${what} pipeline: ${errorMessage(e)}.` });
  }
}

/**
 * Builds both pipelines for `loss` (its parameter count fixes the sample pass's layout).
 * Rejects with EngineFaultError('limits') when the device cannot hold the layout (storage
 * buffers per stage, a workgroup of REDUCE_WORKGROUP lanes).
 */
export async function createSampleKernels(device: GPUDevice, loss: CompiledFormula, exactGuards = true): Promise<SampleKernels> {
  // shaders/dataset/batch_common.wgsl's two-phase tree is written for 16 × 16 lanes.
  if (REDUCE_WORKGROUP !== 256) throw new Error(`tree_reduce is written for 256 lanes; REDUCE_WORKGROUP is ${REDUCE_WORKGROUP}`);
  const lim = device.limits;
  const storageNeeded = 1 + COLUMN_BINDING0 + loss.params.length;
  if (storageNeeded > lim.maxStorageBuffersPerShaderStage) {
    throw new EngineFaultError({ reason: 'limits', message: `A loss with ${loss.params.length} data columns needs ${storageNeeded} storage buffers per shader stage; this GPU allows ${lim.maxStorageBuffersPerShaderStage}.` });
  }
  if (REDUCE_WORKGROUP > Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX)) {
    throw new EngineFaultError({ reason: 'limits', message: `The fixed-order reduction needs workgroups of ${REDUCE_WORKGROUP} invocations; this GPU allows ${lim.maxComputeInvocationsPerWorkgroup}.` });
  }
  const C = GPUShaderStage.COMPUTE;
  const ro: GPUBufferBindingLayout = { type: 'read-only-storage' };
  const rw: GPUBufferBindingLayout = { type: 'storage' };
  const shared = device.createBindGroupLayout({
    label: 'dataset-shared-layout',
    entries: [
      { binding: 0, visibility: C, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: BATCH_PARAMS_BYTES } },
      { binding: 1, visibility: C, buffer: ro },
    ],
  });
  const samplePass = device.createBindGroupLayout({
    label: 'dataset-sample-pass-layout',
    entries: [
      { binding: 0, visibility: C, buffer: ro },
      { binding: 1, visibility: C, buffer: rw },
      ...loss.params.map((_, i) => ({ binding: COLUMN_BINDING0 + i, visibility: C, buffer: ro })),
    ],
  });
  const reducePass = device.createBindGroupLayout({
    label: 'dataset-reduce-pass-layout',
    entries: [
      { binding: 0, visibility: C, buffer: ro },
      { binding: 1, visibility: C, buffer: rw },
      { binding: 2, visibility: C, buffer: rw },
    ],
  });
  const layout = (label: string, perPass: GPUBindGroupLayout): GPUPipelineLayout =>
    device.createPipelineLayout({ label, bindGroupLayouts: [shared, perPass] });
  // One after the other: error scopes are a stack, and interleaved compiles would pop each other's.
  const sample = await compile(device, 'dataset-sample-grad', sampleKernelSource(loss, exactGuards), layout('dataset-sample-pipeline-layout', samplePass), `per-sample gradient kernel for "${loss.source}"`);
  const reduce = await compile(device, 'dataset-reduce-partials', reduceKernelSource(), layout('dataset-reduce-pipeline-layout', reducePass), 'partial-sum reduction kernel');
  return { shared, samplePass, reducePass, sample, reduce };
}
