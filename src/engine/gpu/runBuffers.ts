/**
 * The GPU buffers of one configured experiment and their bind groups. Byte layouts (see
 * shaders/step.wgsl), in planes of R values: runs f32 planes x, y, f, ‖g‖, gx, gy; status u32
 * planes code, step; states f32 planes st[0..16); then samples [ring slot][recorded run]
 * vec4f, group_runs u32, origins u32, replay (a 16-byte header, then a u32 list of R) and
 * replayArgs (the replay dispatch's indirect arguments)
 * (the step each run last restarted at), consts f32,
 * params one 256-byte StepParams slot per dispatch of a submit.
 */
import { EngineFaultError, errorMessage, firstLine } from '../fault';
import { SAMPLE_BYTES } from './capacity';
import { PARAMS_SLOT, STATE_STRIDE, type StepLayouts } from './kernel';

export interface RunBuffers {
  readonly runs: GPUBuffer;
  readonly status: GPUBuffer;
  readonly states: GPUBuffer;
  readonly samples: GPUBuffer;
  readonly origins: GPUBuffer;
  readonly replay: GPUBuffer;
  readonly replayArgs: GPUBuffer;
  readonly consts: GPUBuffer;
  readonly params: GPUBuffer;
  readonly paramSlots: number;
  readonly groupRuns: GPUBuffer[];
  readonly shared: GPUBindGroup;
  readonly perGroup: GPUBindGroup[];
  /** shaders/replay_args.wgsl's pipeline, and its bind group of replay and replayArgs. */
  readonly replayArgsPipeline: GPUComputePipeline;
  readonly replayArgsGroup: GPUBindGroup;
  destroy(): void;
}

export interface RunBufferSizes {
  readonly runs: number;
  readonly recorded: number;
  readonly ringCap: number;
  readonly consts: Float32Array;
  readonly paramSlots: number;
  /** Per optimizer group: its run list, or null when the group is every run in order. */
  readonly groups: readonly (Uint32Array | null)[];
}

/**
 * Creates and fills the buffers inside out-of-memory and validation error scopes; rejects with
 * EngineFaultError('out-of-memory') when the device cannot allocate them.
 */
export async function createRunBuffers(device: GPUDevice, layouts: StepLayouts, s: RunBufferSizes): Promise<RunBuffers> {
  const created: GPUBuffer[] = [];
  const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const make = (label: string, size: number, usage = S): GPUBuffer => {
    const b = device.createBuffer({ label, size: Math.max(16, Math.ceil(size / 16) * 16), usage });
    created.push(b);
    return b;
  };
  device.pushErrorScope('validation');
  device.pushErrorScope('out-of-memory');
  let bufs: Omit<RunBuffers, 'destroy'>;
  try {
    const runs = make('runs', 24 * s.runs);
    const status = make('status', 8 * s.runs);
    const states = make('states', 4 * STATE_STRIDE * s.runs);
    const samples = make('samples', SAMPLE_BYTES * Math.max(1, s.recorded) * s.ringCap);
    const origins = make('origins', 4 * s.runs);
    // Zeroed at creation: the count starts at 0, and replay_args.wgsl resets it after each use.
    const replay = make('replay', 16 + 4 * s.runs);
    const replayArgs = make('replay-args', 16, GPUBufferUsage.STORAGE | GPUBufferUsage.INDIRECT);
    const consts = make('consts', s.consts.byteLength, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
    const params = make('step-params', PARAMS_SLOT * s.paramSlots, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
    const groupRuns = s.groups.map((g, i) => make(`group-runs-${i}`, g ? g.byteLength : 4, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST));
    s.groups.forEach((g, i) => g && device.queue.writeBuffer(groupRuns[i], 0, g));
    device.queue.writeBuffer(consts, 0, s.consts);
    const shared = device.createBindGroup({
      label: 'step-shared', layout: layouts.shared,
      entries: [{ binding: 0, resource: { buffer: params, size: 80 } }, { binding: 1, resource: { buffer: consts } }],
    });
    const perGroup = groupRuns.map((gr, i) => device.createBindGroup({
      label: `step-per-pass-${i}`, layout: layouts.perPass,
      entries: [runs, status, states, samples, gr, origins, replay].map((buffer, binding) => ({ binding, resource: { buffer } })),
    }));
    const replayArgsGroup = device.createBindGroup({
      label: 'replay-args', layout: layouts.replayArgs,
      entries: [{ binding: 0, resource: { buffer: replay } }, { binding: 1, resource: { buffer: replayArgs } }],
    });
    bufs = { runs, status, states, samples, origins, replay, replayArgs, consts, params, paramSlots: s.paramSlots, groupRuns, shared, perGroup, replayArgsPipeline: layouts.replayArgsPipeline, replayArgsGroup };
  } catch (e) {
    // createBuffer throws a RangeError for sizes no allocator could take.
    await device.popErrorScope().catch(() => null);
    await device.popErrorScope().catch(() => null);
    for (const b of created) b.destroy();
    throw new EngineFaultError({ reason: 'out-of-memory', message: `The GPU could not allocate buffers for ${s.runs.toLocaleString('en-US')} runs: ${firstLine(errorMessage(e))}.` });
  }
  const oom = await device.popErrorScope();
  const invalid = await device.popErrorScope();
  if (oom || invalid) {
    for (const b of created) b.destroy();
    const reason = oom ? 'out-of-memory' : 'limits';
    throw new EngineFaultError({ reason, message: `The GPU could not allocate buffers for ${s.runs.toLocaleString('en-US')} runs: ${firstLine((oom ?? invalid)!.message)}.` });
  }
  return { ...bufs, destroy: () => created.forEach((b) => b.destroy()) };
}
