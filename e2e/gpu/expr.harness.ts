/**
 * GPU parity harness for the formula compiler: wraps a formula's emitted WGSL (`f`, `grad` and
 * the fused `fg`) in a compute kernel that evaluates them at N points read from a storage
 * buffer, with the parameters in the storage buffer `objParams` (runtime values, never
 * constants), and compares each result with CompiledFormula.evaluate32 on the same f32 inputs.
 * Exposed as window.exprHarness for e2e/gpu/expr.spec.ts.
 */
import { compileFormula } from '../../src/core/expr';

/** One formula to check. */
export interface ExprCase {
  readonly source: string;
  readonly params?: Readonly<Record<string, number>>;
  /** Points are drawn uniformly from [lo, hi]^2. */
  readonly box: readonly [number, number];
  readonly points: number;
  readonly seed: number;
}

/** Per-output comparison with evaluate32; index 0 = f, 1 = df/dx, 2 = df/dy. */
export interface Comparison {
  /** Values that are not equal as float32 (=== or both NaN). */
  readonly mismatches: [number, number, number];
  /** Largest distance in float32 ulps between GPU and CPU. */
  readonly maxUlp: [number, number, number];
  /** Largest |gpu - cpu| / max(1, |cpu|). */
  readonly maxRelErr: [number, number, number];
  /** Both NaN / non-finite (skipped from the error statistics, counted as agreement). */
  readonly nonFinite: number;
  /** First few mismatches, for the failure message. */
  readonly examples: string[];
}

/** `f` and `grad` called separately (the top-level fields), and the fused `fg` (`fused`). */
export interface ExprResult extends Comparison {
  readonly transcendental: boolean;
  readonly validationError: string | null;
  readonly compileErrors: string[];
  readonly count: number;
  readonly fused: Comparison;
}

/** Deterministic points (mulberry32) so every run checks the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KERNEL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> objParams: array<f32>;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
// Six f32 per point: f, df/dx, df/dy from f() and grad(), then the same from fg().
@group(0) @binding(2) var<storage, read_write> results: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= arrayLength(&points)) { return; }
  let p = points[i];
  let g = grad(p);
  results[6u * i] = f(p);
  results[6u * i + 1u] = g.x;
  results[6u * i + 2u] = g.y;
  let v = fg(p);
  results[6u * i + 3u] = v.x;
  results[6u * i + 4u] = v.y;
  results[6u * i + 5u] = v.z;
}
`;

let devicePromise: Promise<GPUDevice | null> | undefined;
function getDevice(): Promise<GPUDevice | null> {
  devicePromise ??= (async () => {
    const adapter = await navigator.gpu?.requestAdapter();
    return adapter ? adapter.requestDevice() : null;
  })();
  return devicePromise;
}

/** Monotone integer image of a float32, so ulp distance is a subtraction. */
function orderedBits(v: number): number {
  const bits = new Int32Array(new Float32Array([v]).buffer)[0];
  return bits < 0 ? -0x80000000 - bits : bits;
}

async function compileErrors(module: GPUShaderModule): Promise<string[]> {
  const info = await module.getCompilationInfo();
  return info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
}

async function runCase(c: ExprCase): Promise<ExprResult & { wgsl: string }> {
  const device = await getDevice();
  if (!device) throw new Error('no WebGPU device');
  const names = Object.keys(c.params ?? {});
  const values = names.map((n) => c.params![n]);
  const formula = compileFormula(c.source, { params: names });
  const wgsl = formula.toWgsl();

  const rand = mulberry32(c.seed);
  const pts = new Float32Array(2 * c.points);
  for (let i = 0; i < pts.length; i++) pts[i] = c.box[0] + (c.box[1] - c.box[0]) * rand();
  // At least 4 floats: a zero-sized binding is invalid when a formula has no params.
  const paramData = new Float32Array(Math.max(4, values.length));
  paramData.set(values);

  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: `expr ${c.source}`, code: `${wgsl}\n${KERNEL}` });
  const errors = await compileErrors(module);
  const layout = device.createBindGroupLayout({
    label: 'expr parity layout',
    entries: [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'read-only-storage' } },
      { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'read-only-storage' } },
      { binding: 2, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
    ],
  });
  const pipeline = device.createComputePipeline({
    label: 'expr parity pipeline',
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: { module, entryPoint: 'main' },
  });
  const mk = (label: string, data: Float32Array): GPUBuffer => {
    const buf = device.createBuffer({ label, size: data.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buf, 0, data);
    return buf;
  };
  const paramBuf = mk('expr objParams', paramData);
  const pointBuf = mk('expr points', pts);
  const outSize = 6 * 4 * c.points;
  const outBuf = device.createBuffer({ label: 'expr results', size: outSize, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readBuf = device.createBuffer({ label: 'expr readback', size: outSize, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const bindGroup = device.createBindGroup({
    label: 'expr parity bind group',
    layout,
    entries: [
      { binding: 0, resource: { buffer: paramBuf } },
      { binding: 1, resource: { buffer: pointBuf } },
      { binding: 2, resource: { buffer: outBuf } },
    ],
  });
  const enc = device.createCommandEncoder({ label: 'expr parity' });
  const pass = enc.beginComputePass({ label: 'expr parity pass' });
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(c.points / 64));
  pass.end();
  enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, outSize);
  device.queue.submit([enc.finish()]);
  const scopeError = await device.popErrorScope();
  let gpu = new Float32Array(0);
  if (!scopeError && errors.length === 0) {
    await readBuf.mapAsync(GPUMapMode.READ);
    gpu = new Float32Array(readBuf.getMappedRange().slice(0));
    readBuf.unmap();
  }
  for (const b of [paramBuf, pointBuf, outBuf, readBuf]) b.destroy();

  const cpu = new Float64Array(3 * c.points);
  const out = new Float64Array(3);
  for (let i = 0; i < c.points; i++) {
    formula.evaluate32(pts[2 * i], pts[2 * i + 1], values, out);
    cpu.set(out, 3 * i);
  }
  return {
    wgsl,
    transcendental: formula.transcendental,
    validationError: scopeError ? scopeError.message : null,
    compileErrors: errors,
    count: gpu.length / 6,
    ...compare(gpu, 0, cpu, pts),
    fused: compare(gpu, 3, cpu, pts),
  };
}

/** Compares gpu[6i + offset + k] with cpu[3i + k] (evaluate32) for every point i. */
function compare(gpu: Float32Array, offset: number, cpu: Float64Array, pts: Float32Array): Comparison {
  const mismatches: [number, number, number] = [0, 0, 0];
  const maxUlp: [number, number, number] = [0, 0, 0];
  const maxRelErr: [number, number, number] = [0, 0, 0];
  const examples: string[] = [];
  let nonFinite = 0;
  for (let i = 0; i < gpu.length / 6; i++) {
    for (let k = 0; k < 3; k++) {
      const g = gpu[6 * i + offset + k];
      const r = cpu[3 * i + k];
      if (Number.isNaN(g) && Number.isNaN(r)) {
        nonFinite++;
        continue;
      }
      if (g === r) continue;
      mismatches[k]++;
      const ulp = Number.isFinite(g) && Number.isFinite(r) ? Math.abs(orderedBits(g) - orderedBits(r)) : Infinity;
      maxUlp[k] = Math.max(maxUlp[k], ulp);
      maxRelErr[k] = Math.max(maxRelErr[k], Math.abs(g - r) / Math.max(1, Math.abs(r)) || Infinity);
      if (examples.length < 5) examples.push(`p=(${pts[2 * i]}, ${pts[2 * i + 1]}) out[${k}]: gpu ${g} cpu ${r} (${ulp} ulp)`);
    }
  }
  return { mismatches, maxUlp, maxRelErr, nonFinite, examples };
}

/** A deliberately broken shader must be reported, or the checks above could never fail. */
async function brokenShader(): Promise<{ compileErrors: string[]; validationError: string | null }> {
  const device = await getDevice();
  if (!device) throw new Error('no WebGPU device');
  const formula = compileFormula('x^2 + y');
  // Assigning a u32 to an f32 `let` is a type error.
  const code = `${formula.toWgsl()}\nfn broken() -> f32 { let q: f32 = 1u; return q; }\n${KERNEL}`;
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: 'expr broken', code });
  const errors = await compileErrors(module);
  device.createComputePipeline({ label: 'expr broken pipeline', layout: 'auto', compute: { module, entryPoint: 'main' } });
  const scopeError = await device.popErrorScope();
  return { compileErrors: errors, validationError: scopeError ? scopeError.message : null };
}

const PROBE_KERNEL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> ab: array<vec2f>;
// Per input pair: a/b, sqrt(a), a*b, a+b, 1/b, a-b.
@group(0) @binding(1) var<storage, read_write> res: array<f32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= arrayLength(&ab)) { return; }
  let a = ab[i].x;
  let b = ab[i].y;
  let one = res[6u * i];  // 1.0 written by the host, so nothing here is a constant expression
  res[6u * i] = a / b;
  res[6u * i + 1u] = sqrt(a);
  res[6u * i + 2u] = a * b;
  res[6u * i + 3u] = a + b;
  res[6u * i + 4u] = one / b;
  res[6u * i + 5u] = a - b;
}
`;

/**
 * Raw f32 operations on the GPU for the given pairs: reports how each compares with the
 * correctly rounded float32 result (and, for division, with a*(1/b) via a rounded reciprocal).
 */
async function probeOps(pairs: number[]): Promise<Record<string, { inexact: number; maxUlp: number }> & { n: number; divMatchesRcpMul: number }> {
  const device = await getDevice();
  if (!device) throw new Error('no WebGPU device');
  const n = pairs.length / 2;
  const ab = new Float32Array(pairs);
  const init = new Float32Array(6 * n).fill(1);
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: 'expr op probe', code: PROBE_KERNEL });
  const pipeline = device.createComputePipeline({ label: 'expr op probe', layout: 'auto', compute: { module, entryPoint: 'main' } });
  const abBuf = device.createBuffer({ label: 'probe ab', size: ab.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const resBuf = device.createBuffer({ label: 'probe res', size: init.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC });
  const readBuf = device.createBuffer({ label: 'probe read', size: init.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(abBuf, 0, ab);
  device.queue.writeBuffer(resBuf, 0, init);
  const enc = device.createCommandEncoder({ label: 'probe' });
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [
    { binding: 0, resource: { buffer: abBuf } },
    { binding: 1, resource: { buffer: resBuf } },
  ] }));
  pass.dispatchWorkgroups(Math.ceil(n / 64));
  pass.end();
  enc.copyBufferToBuffer(resBuf, 0, readBuf, 0, init.byteLength);
  device.queue.submit([enc.finish()]);
  const err = await device.popErrorScope();
  if (err) throw new Error(err.message);
  await readBuf.mapAsync(GPUMapMode.READ);
  const res = new Float32Array(readBuf.getMappedRange().slice(0));
  readBuf.unmap();
  for (const b of [abBuf, resBuf, readBuf]) b.destroy();
  const f = Math.fround;
  const ops: Array<[string, (a: number, b: number) => number]> = [
    ['div', (a, b) => f(a / b)], ['sqrt', (a) => f(Math.sqrt(a))], ['mul', (a, b) => f(a * b)],
    ['add', (a, b) => f(a + b)], ['rcp', (_a, b) => f(1 / b)], ['sub', (a, b) => f(a - b)],
  ];
  const out: Record<string, { inexact: number; maxUlp: number }> = {};
  let divMatchesRcpMul = 0;
  ops.forEach(([name, ref], k) => {
    let inexact = 0;
    let maxUlp = 0;
    for (let i = 0; i < n; i++) {
      const g = res[6 * i + k];
      const r = ref(ab[2 * i], ab[2 * i + 1]);
      if (g !== r) {
        inexact++;
        maxUlp = Math.max(maxUlp, Math.abs(orderedBits(g) - orderedBits(r)));
      }
      if (k === 0 && g === f(ab[2 * i] * f(1 / ab[2 * i + 1]))) divMatchesRcpMul++;
    }
    out[name] = { inexact, maxUlp };
  });
  return Object.assign(out, { n, divMatchesRcpMul });
}

const exprHarness = {
  probeOps,
  hasAdapter: async (): Promise<boolean> => (await getDevice()) !== null,
  runCase,
  brokenShader,
};

declare global {
  interface Window {
    exprHarness: typeof exprHarness;
  }
}

window.exprHarness = exprHarness;
