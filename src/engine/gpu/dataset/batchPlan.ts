/**
 * The host side of one SampleGradients.evaluate(): the batches validated and packed into the
 * run table and the index list that shaders/dataset/*.wgsl read, and the passes that reduce
 * them in treeSum's order (src/core/finiteSum/treeSum.ts). Pure: no WebGPU here, so the plan
 * is unit-tested on its own (batchPlan.test.ts) and the kernels only follow it.
 */
import { REDUCE_WORKGROUP } from '../../../core/finiteSum/treeSum';

/** One run's batch: the first `count` of `indices` (with repeats allowed), or samples 0..count. */
export interface SampleBatch {
  readonly indices?: Uint32Array;
  readonly count: number;
}

/** Bytes of one RunBatch (shaders/dataset/batch_common.wgsl). */
export const RUN_BATCH_BYTES = 32;
/** Bytes of one partial, vec4f (ℓ, gx, gy, 0). */
export const PARTIAL_BYTES = 16;

/** One reduce pass: partials per run in and out, and its grid width (blocks of partials). */
export interface ReducePass {
  /** Times the runs' counts have been cut by the workgroup width at this pass's input. */
  readonly level: number;
  readonly strideIn: number;
  readonly strideOut: number;
  /** The last pass: writes the means instead of partials. */
  readonly final: boolean;
}

/** Everything the kernels need for one evaluate(). */
export interface BatchPlan {
  readonly runs: number;
  /** RunBatch per run: θ, count, index offset, f32(1/count), indexed. */
  readonly runTable: ArrayBuffer;
  /** Every indexed batch's first `count` indices, in run order (at least one entry). */
  readonly indices: Uint32Array;
  /** The sample pass's blocks per run: ceil(largest count / WG), its grid width. */
  readonly blocks: number;
  readonly passes: readonly ReducePass[];
  /** Partials per run the ping-pong buffers must hold: [0] the sample pass's, [1] the first reduce's. */
  readonly partialStrides: readonly [number, number];
}

/**
 * f32(1/count), rounded from float64 on the host: the kernel multiplies by it at run time, so
 * no WGSL compiler ever folds the division at another precision.
 */
export function invCountF32(count: number): number {
  return Math.fround(1 / count);
}

/** Partials per run after each level: [ceil(c/W), ceil(c/W²), ..., 1]. */
export function levelStrides(count: number, width = REDUCE_WORKGROUP): number[] {
  const strides = [Math.ceil(count / width)];
  while (strides[strides.length - 1] > 1) strides.push(Math.ceil(strides[strides.length - 1] / width));
  return strides;
}

/**
 * Validates `batches` (one per run, or one for every run) against `samples` and packs them.
 * Throws a RangeError naming the bad value: a count that is not a positive integer, larger
 * than the dataset (full batch) or than its index list, or an index ≥ samples.
 */
export function planBatches(thetas: Float32Array, batches: readonly SampleBatch[], samples: number, width = REDUCE_WORKGROUP): BatchPlan {
  if (thetas.length % 2 !== 0 || thetas.length === 0) throw new RangeError(`thetas must hold (x, y) pairs, one per run; got ${thetas.length} values`);
  const runs = thetas.length / 2;
  if (batches.length !== runs && batches.length !== 1) throw new RangeError(`batches must have one entry per run (${runs}) or a single shared one; got ${batches.length}`);
  const batchOf = (r: number): SampleBatch => batches[batches.length === 1 ? 0 : r];
  let indexTotal = 0;
  let largest = 0;
  batches.forEach((b, i) => {
    if (!Number.isInteger(b.count) || b.count < 1) throw new RangeError(`batch ${i}: count must be a positive integer, got ${b.count}`);
    if (b.indices) {
      if (b.count > b.indices.length) throw new RangeError(`batch ${i}: count ${b.count} exceeds its ${b.indices.length} indices`);
      for (let j = 0; j < b.count; j++) {
        if (b.indices[j] >= samples) throw new RangeError(`batch ${i}: index ${b.indices[j]} at slot ${j} is past the dataset's ${samples} samples`);
      }
    } else if (b.count > samples) {
      throw new RangeError(`batch ${i}: count ${b.count} exceeds the dataset's ${samples} samples`);
    }
    largest = Math.max(largest, b.count);
  });
  const runTable = new ArrayBuffer(RUN_BATCH_BYTES * runs);
  const f32 = new Float32Array(runTable);
  const u32 = new Uint32Array(runTable);
  const shared = new Map<SampleBatch, number>();
  const lists: Uint32Array[] = [];
  for (let r = 0; r < runs; r++) {
    const b = batchOf(r);
    const w = (RUN_BATCH_BYTES / 4) * r;
    f32[w] = thetas[2 * r];
    f32[w + 1] = thetas[2 * r + 1];
    u32[w + 2] = b.count;
    f32[w + 4] = invCountF32(b.count);
    u32[w + 5] = b.indices ? 1 : 0;
    if (b.indices) {
      // A batch shared by several runs is uploaded once.
      let offset = shared.get(b);
      if (offset === undefined) {
        offset = indexTotal;
        shared.set(b, offset);
        lists.push(b.indices.subarray(0, b.count));
        indexTotal += b.count;
      }
      u32[w + 3] = offset;
    }
  }
  // A zero-sized binding is invalid, so the list has at least one (unread) entry.
  const indices = new Uint32Array(Math.max(1, indexTotal));
  let at = 0;
  for (const l of lists) {
    indices.set(l, at);
    at += l.length;
  }
  const strides = levelStrides(largest, width);
  // At least one reduce pass: it applies the mean (and passes a one-block sum through as is).
  const passCount = Math.max(1, strides.length - 1);
  const passes: ReducePass[] = Array.from({ length: passCount }, (_, k) => ({
    level: k + 1,
    strideIn: strides[k],
    strideOut: strides[k + 1] ?? 1,
    final: k === passCount - 1,
  }));
  return { runs, runTable, indices, blocks: strides[0], passes, partialStrides: [strides[0], strides[1] ?? 1] };
}
