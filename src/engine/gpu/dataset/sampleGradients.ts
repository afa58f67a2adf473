/**
 * Full- and mini-batch gradients of a dataset objective on the GPU: L(θ) = (1/count) Σ ℓ(θ; i)
 * and its gradient, for many runs (θ each, batch each) in one submit, summed in the fixed tree
 * order of src/core/finiteSum/treeSum.ts so the CPU float32 path agrees bit for bit where the
 * loss is a polynomial (on SwiftShader). One sample pass, then reduce passes level by level;
 * only the 3 means per run are read back.
 */
import type { CompiledFormula } from '../../../core/expr';
import { EngineFaultError } from '../../fault';
import { StagingRing } from '../staging';
import { PARTIAL_BYTES, planBatches, type BatchPlan, type SampleBatch } from './batchPlan';
import { uploadDataset, type SampleColumns } from './datasetBuffers';
import { BATCH_PARAMS_BYTES, BATCH_PARAMS_SLOT, COLUMN_BINDING0, createSampleKernels, type SampleKernels } from './kernels';

export type { SampleBatch } from './batchPlan';
export type { SampleColumns } from './datasetBuffers';

/** The batch-gradient evaluator of one loss over one GPU-resident dataset. */
export interface SampleGradients {
  /** Samples of the resident dataset. */
  readonly n: number;
  /**
   * [mean ℓ, mean ∂ℓ/∂x, mean ∂ℓ/∂y] per run, for θ_r = (thetas[2r], thetas[2r+1]) over
   * batches[r] (or batches[0] for every run). Calls are queued: each sees the buffers alone.
   */
  evaluate(thetas: Float32Array, batches: readonly SampleBatch[]): Promise<Float32Array>;
  /** Frees every buffer (the dataset's too); later evaluate() calls reject. */
  destroy(): void;
}

/** Options of createSampleGradients. */
export interface SampleGradientOptions {
  /** The formula's bit-exactness guards (WgslEmitOptions.exactGuards); default true. */
  readonly exactGuards?: boolean;
}

/** A storage buffer that is replaced by a bigger one when a call needs more room. */
class GrowingBuffer {
  buffer: GPUBuffer | null = null;
  constructor(private readonly device: GPUDevice, private readonly label: string, private readonly usage: number) {}
  /** The buffer, at least `bytes` long (true in `grown` when it was replaced). */
  ensure(bytes: number): { buffer: GPUBuffer; grown: boolean } {
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    if (this.buffer && this.buffer.size >= size) return { buffer: this.buffer, grown: false };
    this.buffer?.destroy();
    this.buffer = this.device.createBuffer({ label: this.label, size, usage: this.usage });
    return { buffer: this.buffer, grown: true };
  }
  destroy(): void {
    this.buffer?.destroy();
    this.buffer = null;
  }
}

/** Throws EngineFaultError('limits') when the plan's grid or partials exceed the device. */
function checkLimits(device: GPUDevice, plan: BatchPlan): void {
  const lim = device.limits;
  const grid = lim.maxComputeWorkgroupsPerDimension;
  if (plan.runs > grid) throw new EngineFaultError({ reason: 'limits', message: `${plan.runs} runs exceed this GPU's ${grid} workgroups per grid dimension (one row of workgroups per run).` });
  if (plan.blocks > grid) throw new EngineFaultError({ reason: 'limits', message: `A batch of ${plan.blocks} blocks exceeds this GPU's ${grid} workgroups per grid dimension.` });
  const bytes = plan.runs * plan.partialStrides[0] * PARTIAL_BYTES;
  const most = Math.min(lim.maxStorageBufferBindingSize, lim.maxBufferSize);
  if (bytes > most) throw new EngineFaultError({ reason: 'limits', message: `${plan.runs} runs of ${plan.blocks} blocks need ${bytes.toLocaleString('en-US')} bytes of partial sums; this GPU binds at most ${most.toLocaleString('en-US')} bytes per storage buffer.` });
}

/** The uniform slots: the sample pass, then one per reduce pass (BatchParams layout). */
function paramSlots(plan: BatchPlan, samples: number): Uint32Array {
  const slots = new Uint32Array(((1 + plan.passes.length) * BATCH_PARAMS_SLOT) / 4);
  const put = (slot: number, v: readonly number[]): void => slots.set(v, (slot * BATCH_PARAMS_SLOT) / 4);
  put(0, [0, plan.runs, 0, plan.blocks, samples, 0, 0, 0]);
  plan.passes.forEach((p, k) => put(k + 1, [p.level, plan.runs, p.strideIn, p.strideOut, samples, p.final ? 1 : 0, 0, 0]));
  return slots;
}

/**
 * Uploads `data` (the loss's columns, in its params order) and builds the kernels for `loss`.
 * Rejects with EngineFaultError ('shader', 'limits', 'out-of-memory') when the device cannot,
 * and with a RangeError when the columns do not fit the loss.
 */
export async function createSampleGradients(device: GPUDevice, loss: CompiledFormula, data: SampleColumns, options: SampleGradientOptions = {}): Promise<SampleGradients> {
  if (data.columns.length !== loss.params.length) {
    throw new RangeError(`The loss "${loss.source}" reads ${loss.params.length} columns (${loss.params.join(', ')}); the dataset has ${data.columns.length}`);
  }
  const kernels: SampleKernels = await createSampleKernels(device, loss, options.exactGuards ?? true);
  const dataset = await uploadDataset(device, { ...data, names: data.names ?? loss.params });
  const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
  const runTable = new GrowingBuffer(device, 'dataset-run-batches', S);
  const indices = new GrowingBuffer(device, 'dataset-batch-indices', S);
  const partialsA = new GrowingBuffer(device, 'dataset-partials-a', GPUBufferUsage.STORAGE);
  const partialsB = new GrowingBuffer(device, 'dataset-partials-b', GPUBufferUsage.STORAGE);
  const results = new GrowingBuffer(device, 'dataset-batch-means', GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
  const params = new GrowingBuffer(device, 'dataset-batch-params', GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
  const owned = [runTable, indices, partialsA, partialsB, results, params];
  const staging = new StagingRing(device, 2);
  let destroyed = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Writes the plan's inputs and records both passes; the caller adds the readback copy. */
  const encode = (plan: BatchPlan): { readback: GPUBuffer; bytes: number; encoder: GPUCommandEncoder } => {
    const R = plan.runs;
    const table = runTable.ensure(plan.runTable.byteLength).buffer;
    const list = indices.ensure(plan.indices.byteLength).buffer;
    const a = partialsA.ensure(R * plan.partialStrides[0] * PARTIAL_BYTES).buffer;
    const b = partialsB.ensure(R * plan.partialStrides[1] * PARTIAL_BYTES).buffer;
    const out = results.ensure(12 * R).buffer;
    const slots = paramSlots(plan, dataset.n);
    const uniform = params.ensure(slots.byteLength).buffer;
    device.queue.writeBuffer(table, 0, plan.runTable);
    device.queue.writeBuffer(list, 0, plan.indices);
    device.queue.writeBuffer(uniform, 0, slots);
    const shared = device.createBindGroup({
      label: 'dataset-shared', layout: kernels.shared,
      entries: [{ binding: 0, resource: { buffer: uniform, size: BATCH_PARAMS_BYTES } }, { binding: 1, resource: { buffer: table } }],
    });
    const sampleGroup = device.createBindGroup({
      label: 'dataset-sample-pass', layout: kernels.samplePass,
      entries: [list, a, ...dataset.columns].map((buffer, i) => ({ binding: i < 2 ? i : COLUMN_BINDING0 + i - 2, resource: { buffer } })),
    });
    // Ping-pong: pass k reads what pass k-1 wrote (the sample pass writes a).
    const reduceGroup = (from: GPUBuffer, to: GPUBuffer, k: number): GPUBindGroup => device.createBindGroup({
      label: `dataset-reduce-pass-${k}`, layout: kernels.reducePass,
      entries: [from, to, out].map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const enc = device.createCommandEncoder({ label: 'dataset-batch-gradients' });
    const pass = enc.beginComputePass({ label: 'dataset-batch-gradients' });
    pass.setPipeline(kernels.sample);
    pass.setBindGroup(0, shared, [0]);
    pass.setBindGroup(1, sampleGroup);
    pass.dispatchWorkgroups(plan.blocks, R);
    pass.setPipeline(kernels.reduce);
    plan.passes.forEach((p, k) => {
      const [from, to] = k % 2 === 0 ? [a, b] : [b, a];
      pass.setBindGroup(0, shared, [(k + 1) * BATCH_PARAMS_SLOT]);
      pass.setBindGroup(1, reduceGroup(from, to, k));
      pass.dispatchWorkgroups(p.strideOut, R);
    });
    pass.end();
    return { readback: out, bytes: 12 * R, encoder: enc };
  };

  const run = async (thetas: Float32Array, batches: readonly SampleBatch[]): Promise<Float32Array> => {
    if (destroyed) throw new Error('SampleGradients.evaluate after destroy()');
    const plan = planBatches(thetas, batches, dataset.n);
    checkLimits(device, plan);
    const { readback, bytes, encoder } = encode(plan);
    const buf = await staging.acquire(bytes);
    try {
      encoder.copyBufferToBuffer(readback, 0, buf, 0, bytes);
      device.queue.submit([encoder.finish()]);
      await buf.mapAsync(GPUMapMode.READ, 0, bytes);
      return new Float32Array(buf.getMappedRange(0, bytes).slice(0));
    } finally {
      staging.release(buf);
    }
  };

  return {
    n: dataset.n,
    evaluate(thetas, batches) {
      const next = queue.then(() => run(thetas, batches));
      queue = next.catch(() => undefined);
      return next;
    },
    destroy() {
      destroyed = true;
      for (const g of owned) g.destroy();
      dataset.destroy();
      staging.destroy();
    },
  };
}
