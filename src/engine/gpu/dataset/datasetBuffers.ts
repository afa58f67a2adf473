/**
 * A dataset resident on the GPU: each column uploaded once as an f32 storage buffer (structure
 * of arrays, as src/core/data keeps it), so every evaluate() of every run reads the same
 * buffers and only θ and the batches travel per call.
 */
import { EngineFaultError, errorMessage, firstLine } from '../../fault';

/**
 * The columns a loss reads, in its `params` order (a Dataset is one when its columns are what
 * the loss reads: regression's x, y for LINEAR_REGRESSION_LOSS's xi, yi).
 */
export interface SampleColumns {
  readonly n: number;
  readonly columns: readonly ArrayLike<number>[];
  /** Names for the buffers' labels (default col0, col1, ...). */
  readonly names?: readonly string[];
}

/** The uploaded columns. */
export interface DatasetBuffers {
  readonly n: number;
  readonly columns: readonly GPUBuffer[];
  destroy(): void;
}

/** Most samples one f32 column of this device can hold in one storage binding. */
export function maxSamplesPerColumn(limits: GPUSupportedLimits): number {
  return Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / 4);
}

/**
 * Uploads the columns as f32 (Float32Array rounding: IEEE round to nearest), inside
 * out-of-memory and validation error scopes. Rejects with a RangeError for ragged or empty
 * columns, and EngineFaultError('limits' | 'out-of-memory') when the device cannot hold them.
 */
export async function uploadDataset(device: GPUDevice, data: SampleColumns): Promise<DatasetBuffers> {
  const { n } = data;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A dataset needs at least one sample; got n = ${n}`);
  data.columns.forEach((c, i) => {
    if (c.length !== n) throw new RangeError(`Column ${data.names?.[i] ?? i} has ${c.length} values, but the dataset has n = ${n}`);
  });
  const most = maxSamplesPerColumn(device.limits);
  if (n > most) {
    throw new EngineFaultError({ reason: 'limits', message: `${n.toLocaleString('en-US')} samples need ${(4 * n).toLocaleString('en-US')} bytes per column; this GPU binds at most ${(4 * most).toLocaleString('en-US')} bytes per storage buffer (maxStorageBufferBindingSize).` });
  }
  const created: GPUBuffer[] = [];
  device.pushErrorScope('validation');
  device.pushErrorScope('out-of-memory');
  try {
    data.columns.forEach((c, i) => {
      const values = c instanceof Float32Array ? c : Float32Array.from(c);
      const buffer = device.createBuffer({
        label: `dataset-column-${data.names?.[i] ?? i}`,
        // Storage bindings are sized in multiples of 4 bytes; 16 keeps vector-width reads in bounds.
        size: Math.ceil((4 * n) / 16) * 16,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      });
      created.push(buffer);
      device.queue.writeBuffer(buffer, 0, values);
    });
  } catch (e) {
    await device.popErrorScope().catch(() => null);
    await device.popErrorScope().catch(() => null);
    for (const b of created) b.destroy();
    throw new EngineFaultError({ reason: 'out-of-memory', message: `The GPU could not allocate the dataset's columns: ${firstLine(errorMessage(e))}.` });
  }
  const oom = await device.popErrorScope();
  const invalid = await device.popErrorScope();
  if (oom || invalid) {
    for (const b of created) b.destroy();
    throw new EngineFaultError({ reason: oom ? 'out-of-memory' : 'limits', message: `The GPU could not allocate the dataset's columns: ${firstLine((oom ?? invalid)!.message)}.` });
  }
  return { n, columns: created, destroy: () => created.forEach((b) => b.destroy()) };
}
