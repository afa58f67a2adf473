/**
 * GPU parity harness for the optimizers: composes shaders/common.wgsl + clip.wgsl + one
 * shaders/optimizers/<id>.wgsl into a kernel that runs `steps` updates for each start point
 * (hyperparameters and state from storage buffers, i.e. runtime values) and compares every
 * position with the TS reference in float32 mode, bit for bit. The reference rounds with
 * roundF32Ftz (Math.fround, subnormals flushed to zero) because SwiftShader flushes subnormal
 * results; `froundOnlyMismatches` counts how many values plain Math.fround would get wrong.
 * Exposed as window.optimHarness for e2e/gpu/optim.spec.ts.
 */
import commonWgsl from '../../shaders/common.wgsl?raw';
import clipWgsl from '../../shaders/optimizers/clip.wgsl?raw';
import { optimizerWgsl } from '../../src/engine/gpu/optimizerWgsl';
import { getOptimizer, hyperArray, initState, resolveHyper, roundF32Ftz } from '../../src/core/optimizers';
import { quadGrad, rosenbrockGrad, runImpl } from '../../src/core/optimizers/testKit';
import { createRng, hash2, pcgHash, uniform01 } from '../../src/core/rng';
import { scheduleFactors } from '../../src/core/schedule';
import type { ScheduleConfig } from '../../src/core/experiment';


const KERNEL = /* wgsl */ `
var<private> st: array<f32, 16>;
var<private> hp: array<f32, 16>;

// Params: 16 bytes. n runs, steps per run, objective (0 quadratic, 1 Rosenbrock), max_norm.
struct Params { n: u32, steps: u32, objective: u32, max_norm: f32 }
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> hp_in: array<f32, 16>;
@group(0) @binding(2) var<storage, read> st_in: array<f32, 16>;
@group(0) @binding(3) var<storage, read> lr_factor: array<f32>;      // index t = 1..steps
@group(0) @binding(4) var<storage, read> starts: array<vec2f>;
@group(0) @binding(5) var<storage, read_write> out: array<vec2f>;    // run * steps + t - 1

override kWorkgroupSize: u32 = 64u;

fn objective_grad(p: vec2f) -> vec2f {
  if (params.objective == 0u) { return vec2f(2.0 * p.x, 20.0 * p.y); }
  let a = 1.0 - p.x;
  let b = p.y - p.x * p.x;
  return vec2f(-2.0 * a - (400.0 * p.x) * b, 200.0 * b);
}

@compute @workgroup_size(kWorkgroupSize)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= params.n) { return; }
  for (var k = 0u; k < 16u; k++) { hp[k] = hp_in[k]; st[k] = st_in[k]; }
  var theta = starts[i];
  for (var t = 1u; t <= params.steps; t++) {
    let g = clip_grad(objective_grad(theta), params.max_norm);
    let lr = hp[0] * lr_factor[t];
    theta = opt_step(theta, g, f32(t), lr);
    out[i * params.steps + t - 1u] = theta;
  }
}
`;

const HASH_KERNEL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> inp: array<u32>;
@group(0) @binding(1) var<storage, read_write> res: array<u32>;   // 3 per input
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= arrayLength(&inp)) { return; }
  let v = inp[i];
  res[3u * i] = pcg_hash(v);
  res[3u * i + 1u] = hash2(v, i);
  res[3u * i + 2u] = bitcast<u32>(uniform01(v));
}
`;

let devicePromise: Promise<GPUDevice | null> | null = null;
function getDevice(): Promise<GPUDevice | null> {
  devicePromise ??= (async () => {
    if (!('gpu' in navigator)) return null;
    const adapter = await navigator.gpu.requestAdapter();
    return adapter ? adapter.requestDevice({ label: 'optim-harness' }) : null;
  })();
  return devicePromise;
}

function storage(device: GPUDevice, label: string, data: ArrayBufferView<ArrayBuffer>, extra = 0): GPUBuffer {
  const buf = device.createBuffer({ label, size: Math.max(16, data.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | extra });
  device.queue.writeBuffer(buf, 0, data);
  return buf;
}

/** Runs a one-bind-group kernel, reads back `outBytes` from binding `outIndex`. */
async function runKernel(device: GPUDevice, code: string, label: string, buffers: GPUBuffer[], outIndex: number, threads: number): Promise<ArrayBuffer> {
  device.pushErrorScope('validation');
  const created: GPUBuffer[] = [];
  let result: ArrayBuffer | null = null;
  let failure: unknown = null;
  try {
    const module = device.createShaderModule({ label, code });
    const info = await module.getCompilationInfo();
    const errs = info.messages.filter((m) => m.type === 'error');
    if (errs.length) throw new Error(`${label}: ${errs.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
    const pipeline = device.createComputePipeline({ label, layout: 'auto', compute: { module, entryPoint: 'main' } });
    const bindGroup = device.createBindGroup({
      label, layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const outBuf = buffers[outIndex];
    const read = device.createBuffer({ label: `${label}-read`, size: outBuf.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    created.push(read);
    const enc = device.createCommandEncoder({ label });
    const pass = enc.beginComputePass({ label });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(threads / 64));
    pass.end();
    enc.copyBufferToBuffer(outBuf, 0, read, 0, outBuf.size);
    device.queue.submit([enc.finish()]);
    await read.mapAsync(GPUMapMode.READ);
    result = read.getMappedRange().slice(0);
    read.unmap();
  } catch (e) {
    failure = e;
  }
  // Pop the scope and free every buffer whether or not the run threw.
  const err = await device.popErrorScope();
  for (const b of [...buffers, ...created]) b.destroy();
  if (err) throw new Error(`${label}: validation error: ${err.message}`);
  if (failure !== null || result === null) throw failure ?? new Error(`${label}: no result`);
  return result;
}

export interface ParityCase {
  id: string;
  hyper: Record<string, number>;
  objective: 'quadratic' | 'rosenbrock';
  maxNorm: number;
  schedule: ScheduleConfig;
  steps: number;
  runs: number;
  seed: number;
}

export interface ParityResult {
  total: number;
  /** Values where plain Math.fround (gradual underflow) differs from the GPU. */
  froundOnlyMismatches: number;
  mismatches: number;
  maxUlp: number;
  nonFinite: number;
  first: string | null;
}

const f32Bits = (v: number): number => new Uint32Array(Float32Array.of(v).buffer)[0];
function ulpDiff(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  // Map the sign-magnitude bit patterns onto a monotone integer line.
  const key = (v: number): number => { const u = f32Bits(v); return u & 0x80000000 ? -(u & 0x7fffffff) : u; };
  return Math.abs(key(a) - key(b));
}

async function optimizerParity(c: ParityCase): Promise<ParityResult | null> {
  const device = await getDevice();
  if (!device) return null;
  const def = getOptimizer(c.id);
  const r = roundF32Ftz;
  const h = resolveHyper(def, c.hyper, r);
  const hp = new Float32Array(16);
  hp.set(hyperArray(def, h));
  const st = new Float32Array(16);
  st.set(initState(def, h));
  const factors = scheduleFactors(c.schedule, c.steps);
  const rng = createRng(c.seed);
  const starts = Float32Array.from({ length: 2 * c.runs }, (_, k) => (k % 2 === 0 ? rng.range(-2, 2) : rng.range(-1, 3)));
  const code = [commonWgsl, clipWgsl, optimizerWgsl(c.id), KERNEL].join('\n');
  const params = new ArrayBuffer(16);
  new Uint32Array(params, 0, 3).set([c.runs, c.steps, c.objective === 'quadratic' ? 0 : 1]);
  new Float32Array(params, 12, 1)[0] = c.maxNorm;
  const uni = device.createBuffer({ label: 'optim-params', size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(uni, 0, params);
  const buffers = [
    uni,
    storage(device, 'optim-hp', hp),
    storage(device, 'optim-st', st),
    storage(device, 'optim-lr-factor', Float32Array.from(factors)),
    storage(device, 'optim-starts', starts),
    storage(device, 'optim-out', new Float32Array(2 * c.runs * c.steps), GPUBufferUsage.COPY_SRC),
  ];
  const gpu = new Float32Array(await runKernel(device, code, `optim-${c.id}`, buffers, 5, c.runs));
  const grad = c.objective === 'quadratic' ? quadGrad : rosenbrockGrad;
  const res: ParityResult = { total: 0, froundOnlyMismatches: 0, mismatches: 0, maxUlp: 0, nonFinite: 0, first: null };
  for (let run = 0; run < c.runs; run++) {
    const start: [number, number] = [starts[2 * run], starts[2 * run + 1]];
    const traj = runImpl(c.id, c.hyper, start, c.steps, { r, grad, factors, maxNorm: c.maxNorm });
    const plain = runImpl(c.id, c.hyper, start, c.steps, { r: Math.fround, grad, factors, maxNorm: c.maxNorm });
    traj.forEach((p, k) => {
      for (let i = 0; i < 2; i++) {
        const want = p[i];
        const got = gpu[(run * c.steps + k) * 2 + i];
        res.total++;
        if (!Object.is(got, plain[k][i]) && !(Number.isNaN(got) && Number.isNaN(plain[k][i]))) res.froundOnlyMismatches++;
        if (!Number.isFinite(want)) res.nonFinite++;
        const same = Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
        if (!same) {
          res.mismatches++;
          res.maxUlp = Math.max(res.maxUlp, ulpDiff(got, want));
          res.first ??= `run ${run} step ${k + 1} coord ${i}: gpu ${got} cpu ${want} from (${starts[2 * run]}, ${starts[2 * run + 1]})`;
        }
      }
    });
  }
  return res;
}

/** GPU pcg_hash / hash2 / uniform01 vs TS for `n` inputs (half counting, half random). */
async function hashParity(n: number): Promise<{ total: number; mismatches: number; first: string | null } | null> {
  const device = await getDevice();
  if (!device) return null;
  const rng = createRng(99);
  const inp = Uint32Array.from({ length: n }, (_, i) => (i < n / 2 ? i : rng.nextU32()));
  const buffers = [storage(device, 'hash-in', inp), storage(device, 'hash-out', new Uint32Array(3 * n), GPUBufferUsage.COPY_SRC)];
  const out = new Uint32Array(await runKernel(device, `${commonWgsl}\n${HASH_KERNEL}`, 'hash-parity', buffers, 1, n));
  let mismatches = 0;
  let first: string | null = null;
  for (let i = 0; i < n; i++) {
    const want = [pcgHash(inp[i]), hash2(inp[i], i), f32Bits(uniform01(inp[i]))];
    for (let k = 0; k < 3; k++) {
      if (out[3 * i + k] !== want[k]) {
        mismatches++;
        first ??= `input ${inp[i]} fn ${k}: gpu ${out[3 * i + k]} cpu ${want[k]}`;
      }
    }
  }
  return { total: 3 * n, mismatches, first };
}

async function hasAdapter(): Promise<boolean> {
  return (await getDevice()) !== null;
}

declare global {
  interface Window {
    optimHarness: { hasAdapter: typeof hasAdapter; optimizerParity: typeof optimizerParity; hashParity: typeof hashParity };
  }
}

window.optimHarness = { hasAdapter, optimizerParity, hashParity };
