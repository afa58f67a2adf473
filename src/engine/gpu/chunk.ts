/**
 * One submit of the GPU engine: the dispatches of steps (a, b] (or the init pass) for every
 * group's ranges in one compute pass (each bulk dispatch followed by the exact replay of its
 * runs that saw a status event, shaders/step.wgsl), their uniform slots, the copies of what the screen draws
 * into a staging buffer from ./staging, and the asynchronous map that reads it back.
 */
import { SAMPLE_BYTES } from './capacity';
import type { Configured } from './configured';
import { PARAMS_SLOT, STATE_STRIDE } from './kernel';
import type { ChunkReadback } from './readback';
import type { StagingRing } from './staging';

/** Where and what one submit encodes. */
export interface ChunkRequest {
  /** Steps (a, b]; the init pass has a === b. */
  readonly a: number;
  readonly b: number;
  readonly init: boolean;
  /** The call's last submit: it also copies the runs' final values (and detail). */
  readonly last: boolean;
  /** A restart: the init pass of this run alone, which copies no samples. */
  readonly only?: number;
}

/**
 * Encodes steps (a, b] (or the init pass: of every run, or of run `only` alone, a restart,
 * which copies no samples), the copies of what is drawn, submits, maps. `assertUsable` runs
 * once a staging buffer is free, before anything is encoded.
 */
export async function submitChunk(device: GPUDevice, staging: StagingRing, c: Configured, req: ChunkRequest, assertUsable: () => void): Promise<{ part: Promise<ChunkReadback> }> {
  const { a, b, init, last, only } = req;
  const R = c.runCount;
  const sampleSteps = c.recordCount > 0 && only === undefined ? (init ? 1 : b - a) : 0;
  const sampleBytes = sampleSteps * c.recordCount * SAMPLE_BYTES;
  const finalBytes = last ? 24 * R + (c.detail ? (8 + 4 * STATE_STRIDE) * R : 0) : 0;
  const buffer = await staging.acquire(Math.max(4, sampleBytes + finalBytes));
  assertUsable();
  const { bufs, exp, plan } = c;
  const K = plan.stepsPerDispatch;
  const raw = new ArrayBuffer(PARAMS_SLOT * bufs.paramSlots);
  const u32 = new Uint32Array(raw);
  const f32 = new Float32Array(raw);
  const encoder = device.createCommandEncoder({ label: init ? 'init' : `steps ${a}..${b}` });
  const pass = encoder.beginComputePass({ label: 'step-pass' });
  let slot = 0;
  c.groups.forEach((g, gi) => {
    pass.setBindGroup(1, bufs.perGroup[gi]);
    // A restart dispatches one thread: the one that runs `only` in the range that holds it.
    const tid = only === undefined ? -1 : g.list ? g.list.indexOf(only) : only;
    for (const r of g.ranges) {
      if (only !== undefined && !(tid >= r.first && tid < r.end)) continue;
      const [first, end, grid] = only === undefined ? [r.first, r.end, r.grid] : [tid, tid + 1, { x: 1, y: 1, rowWidth: plan.workgroupSize }];
      pass.setPipeline(init ? r.init : r.pipeline);
      for (let s = a; init ? s === a : s < b; s += K) {
        const o = (slot * PARAMS_SLOT) / 4;
        u32.set([s, init ? 0 : Math.min(K, b - s), exp.steps, init ? 1 : 0, end, exp.runs.length, c.recordCount, plan.ringCap, grid.rowWidth, g.indexed ? 1 : 0, c.tables.hyperOffset, c.tables.initOffset, c.tables.clipOffset, c.tables.schedOffset], o);
        f32[o + 14] = exp.gradTol;
        f32[o + 15] = exp.bound;
        u32[o + 16] = first;
        u32[o + 17] = R;
        pass.setBindGroup(0, bufs.shared, [slot * PARAMS_SLOT]);
        pass.dispatchWorkgroups(grid.x, grid.y);
        if (!init && r.replay) {
          // The exact pass for the runs whose fast pass saw a status event (shaders/step.wgsl),
          // sized on the GPU by replay_args.wgsl: no round trip, and no work when there are none.
          pass.setPipeline(bufs.replayArgsPipeline);
          pass.setBindGroup(0, bufs.replayArgsGroup);
          pass.dispatchWorkgroups(1);
          pass.setPipeline(r.replay);
          pass.setBindGroup(0, bufs.shared, [slot * PARAMS_SLOT]);
          pass.dispatchWorkgroupsIndirect(bufs.replayArgs, 0);
          pass.setPipeline(r.pipeline);
        }
        slot++;
        if (init) break;
      }
    }
  });
  pass.end();
  device.queue.writeBuffer(bufs.params, 0, raw, 0, Math.max(1, slot) * PARAMS_SLOT);
  let off = 0;
  if (sampleSteps > 0) {
    // Ring slots of steps a+1..b (init: step 0), in step order: at most two contiguous pieces.
    const per = c.recordCount * SAMPLE_BYTES;
    let k = init ? 0 : a + 1;
    let left = sampleSteps;
    while (left > 0) {
      const slotK = k % plan.ringCap;
      const run = Math.min(left, plan.ringCap - slotK);
      encoder.copyBufferToBuffer(bufs.samples, slotK * per, buffer, off, run * per);
      off += run * per;
      k += run;
      left -= run;
    }
  }
  if (last) {
    // runs planes x, y, f, ‖g‖, then status; detail: runs planes gx, gy, then the states.
    encoder.copyBufferToBuffer(bufs.runs, 0, buffer, off, 16 * R);
    encoder.copyBufferToBuffer(bufs.status, 0, buffer, off + 16 * R, 8 * R);
    if (c.detail) {
      encoder.copyBufferToBuffer(bufs.runs, 16 * R, buffer, off + 24 * R, 8 * R);
      encoder.copyBufferToBuffer(bufs.states, 0, buffer, off + 32 * R, 4 * STATE_STRIDE * R);
    }
  }
  device.queue.submit([encoder.finish()]);
  const sampleFrom = init ? 0 : a + 1;
  // Wrapped in an object: an async function returning the promise itself would await it.
  const part = buffer.mapAsync(GPUMapMode.READ, 0, Math.max(4, sampleBytes + finalBytes)).then(
    () => {
      const samples = sampleSteps > 0 ? new Float32Array(buffer.getMappedRange(0, sampleBytes).slice(0)) : undefined;
      if (!last) {
        staging.release(buffer);
        return { sampleFrom, sampleSteps, samples, release: () => undefined };
      }
      // The final values are read where they are mapped (no copy of every run's bytes);
      // the buffer goes back to the ring once the snapshot is assembled (readback.ts).
      let released = false;
      const part: ChunkReadback = {
        sampleFrom, sampleSteps, samples,
        final: buffer.getMappedRange(sampleBytes, finalBytes),
        release: () => {
          if (!released) staging.release(buffer);
          released = true;
        },
      };
      return part;
    },
    (e) => {
      staging.release(buffer);
      throw e;
    },
  );
  return { part };
}
