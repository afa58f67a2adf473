/**
 * `npm run bench` without a browser: the same WGSL kernels and the same engine code, on WebGPU
 * through Dawn (the `webgpu` npm package) in Node, for machines with a GPU but no Chromium (a
 * headless GPU server). Adam (lr 0.01, default betas) on Rosenbrock from starts spread over the
 * view, optimizer-steps/s for each run count R, rows:
 *   - the bare kernel (shaders/bare_adam.wgsl via scripts/bench/bare.ts): the ceiling;
 *   - the GPU engine as the UI drives it (scripts/bench/workloads.ts → src/engine, recording on);
 *   - the CPU engine as the UI drives it (src/engine/cpu, its workers on node:worker_threads);
 *   - the same worker code on all cores (./threads), and on one thread; a plain loop.
 * Prints a markdown table and the ratios, writes JSON. Build and run: see
 * docs/benchmarks-real-gpu.md (vite build --config scripts/bench-node/vite.config.ts).
 *
 * Env: BENCH_RUNS (default 1,1024,65536,1048576), BENCH_MIN_SECONDS (0.5 per measurement),
 * BENCH_IMPLS (comma list of bare,engine,engine-8,cpu-engine,cpu-threads,single,plain; default
 * all),
 * BENCH_THREADS (default all cores), BENCH_CALLS (step() calls per measurement; default: calls
 * sized as the app's runner sizes them at its top speed, scripts/bench/workloads.ts 'ui'),
 * BENCH_DAWN_FLAGS (space-separated Dawn options, e.g. 'backend=vulkan'),
 * BENCH_PARITY_RUNS / BENCH_PARITY_STEPS (correctness check first, default 4096 runs × 500
 * steps; 0 runs skips it), BENCH_JSON (default bench-results/bench-node.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_STEPS } from '../../src/core/experiment';
import { describeAdapter } from '../../src/engine/gpu/device';
import { bareKernel } from '../bench/bare';
import { callSteps, cpuEngine, gpuEngine, plainLoop, referenceLoop, type Driving, type Measure } from '../bench/workloads';
import { installWebGpu, reportAdapter } from './dawn';
import { formatRate, predictSteps, timeBoxed, type Row } from './measure';
import { parityCheck, type ParityReport } from './parity';
import { submitMapRoundTrip, type RoundTrip } from './roundTrip';
import { populationThreads } from './threads';
import { installWebWorker } from './webWorker';

const env = process.env;
const runCounts = (env.BENCH_RUNS ?? '1,1024,65536,1048576').split(',').map(Number);
const minSeconds = Number(env.BENCH_MIN_SECONDS ?? 0.5);
const threads = Number(env.BENCH_THREADS ?? availableParallelism());
const calls = env.BENCH_CALLS ? Math.max(1, Number(env.BENCH_CALLS)) : null;
const only = env.BENCH_IMPLS ? new Set(env.BENCH_IMPLS.split(',')) : null;
const jsonPath = env.BENCH_JSON ?? 'bench-results/bench-node.json';
const workerScript = join(dirname(fileURLToPath(import.meta.url)), 'cpu-worker.mjs');

const gpu = installWebGpu((env.BENCH_DAWN_FLAGS ?? '').split(/\s+/).filter(Boolean));
installWebWorker(workerScript);

/** A row kind: how to measure `steps` steps of R runs, and its step bounds. */
interface Impl {
  readonly key: string;
  readonly name: string;
  readonly gpu: boolean;
  readonly minSteps: number;
  readonly maxSteps: number;
  readonly run: (runs: number, steps: number) => Promise<Measure> | Measure;
}

const perCall = (steps: number) => Math.max(1, Math.ceil(steps / (calls ?? 8)));
const driving = (steps: number): Driving => (calls === null ? 'ui' : { perCall: perCall(steps) });
// Warm-up calls and the UI's last call count against the experiment's step budget (MAX_STEPS).
const engineMaxSteps = MAX_STEPS - 4 * callSteps('ui', Infinity);
const cpuWorkers = (R: number) => Math.max(1, Math.min(availableParallelism(), 8, Math.floor(R / 2048)));
const allImpls: Impl[] = [
  { key: 'bare', name: 'Bare WGSL kernel (ceiling)', gpu: true, minSteps: 1, maxSteps: 1 << 26, run: bareKernel },
  { key: 'engine', name: 'GPU engine (as the UI drives it)', gpu: true, minSteps: calls ?? 1, maxSteps: engineMaxSteps, run: (R, s) => gpuEngine(R, s, driving(s)) },
  // The earlier driving (8 calls per measurement, ~1,270 steps each at a million runs on the
  // H200), measured beside the UI's calls so one device run prices the snapshot per call.
  { key: 'engine-8', name: 'GPU engine, 8 calls per measurement', gpu: true, minSteps: 8, maxSteps: engineMaxSteps, run: (R, s) => gpuEngine(R, s, { perCall: Math.max(1, Math.ceil(s / 8)) }) },
  {
    key: 'cpu-engine', name: 'CPU engine (as the UI drives it)', gpu: false, minSteps: 2, maxSteps: engineMaxSteps,
    run: async (R, s) => ({ ...(await cpuEngine(R, s, driving(s))), note: `${cpuWorkers(R)} worker${cpuWorkers(R) === 1 ? '' : 's'} (the engine uses ≤ 8)` }),
  },
  { key: 'cpu-threads', name: 'CPU worker code, all cores', gpu: false, minSteps: 2, maxSteps: MAX_STEPS - 8, run: (R, s) => populationThreads(workerScript, R, s, perCall(s), threads) },
  { key: 'single', name: 'JS single thread, engine step code', gpu: false, minSteps: 1, maxSteps: MAX_STEPS, run: referenceLoop },
  { key: 'plain', name: 'JS single thread, plain loop (baseline)', gpu: false, minSteps: 1, maxSteps: 1 << 26, run: plainLoop },
];
const impls = allImpls.filter((i) => !only || only.has(i.key));

const adapterReport = await reportAdapter(gpu);
const probe = adapterReport ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
const engineName = probe ? describeAdapter(probe) : null;
const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  `Adapter: ${adapterReport ? `vendor=${adapterReport.vendor} architecture=${adapterReport.architecture} device=${adapterReport.device} description=${adapterReport.description}${adapterReport.isFallbackAdapter ? ' (fallback)' : ''}` : 'none (no WebGPU adapter)'}`,
  `Engine sees: ${engineName ? `${engineName.name}${engineName.software ? ' (software)' : ''}` : '—'}`,
  `CPU: ${cpuModel}, ${availableParallelism()} cores; Node ${process.version}; min ${minSeconds} s per measurement, ${calls === null ? 'step() calls sized as the UI sizes them' : `${calls} step() calls`}`,
];
console.log(header.join('\n'));

// Correctness before speed: a figure from a kernel that computes the wrong thing is worthless.
const parityRuns = Number(env.BENCH_PARITY_RUNS ?? 4096);
let parity: ParityReport | { error: string } | null = null;
if (adapterReport && parityRuns > 0) {
  try {
    parity = await parityCheck(parityRuns, Number(env.BENCH_PARITY_STEPS ?? 500));
    console.log(`Parity, GPU engine vs CPU float32 reference: ${parity.identical}/${parity.runs} runs bit-identical after ${parity.steps} steps; max |Δθ| = ${parity.maxAbsDiff.toExponential(2)}, max relative ${parity.maxRelDiff.toExponential(2)}`);
  } catch (e) {
    parity = { error: e instanceof Error ? e.message : String(e) };
    console.log(`Parity check failed: ${parity.error}`);
  }
}

let roundTrip: RoundTrip | null = null;
if (adapterReport) {
  try {
    roundTrip = await submitMapRoundTrip(200);
    console.log(`Submit + mapAsync round trip (idle device): median ${roundTrip.medianMicros.toFixed(0)} µs, p90 ${roundTrip.p90Micros.toFixed(0)} µs over ${roundTrip.count}`);
  } catch (e) {
    console.log(`Round-trip probe failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const rows: (Row & { key: string })[] = [];
const lastRate = new Map<string, number>();
const t0 = performance.now();
for (const R of runCounts) {
  for (const impl of impls) {
    let row: Row & { key: string };
    if (impl.gpu && !adapterReport) {
      row = { key: impl.key, impl: impl.name, runs: R, steps: 0, seconds: 0, stepsPerSecond: 0, error: 'no WebGPU adapter' };
    } else {
      try {
        const guess = predictSteps(lastRate.get(impl.key), R, minSeconds, impl.gpu ? 64 : 4);
        const m = await timeBoxed((s) => impl.run(R, s), { guess, minSteps: impl.minSteps, maxSteps: impl.maxSteps, minSeconds });
        const rate = (R * m.steps) / m.seconds;
        lastRate.set(impl.key, rate);
        row = { key: impl.key, impl: impl.name, runs: R, steps: m.steps, seconds: m.seconds, stepsPerSecond: rate, note: m.note };
      } catch (e) {
        row = { key: impl.key, impl: impl.name, runs: R, steps: 0, seconds: 0, stepsPerSecond: 0, error: e instanceof Error ? e.message : String(e) };
      }
    }
    rows.push(row);
    console.error(`[bench-node] ${((performance.now() - t0) / 1000).toFixed(1)} s ${row.impl} R=${R}: ${row.error ?? formatRate(row.stepsPerSecond)}`);
  }
}

const rate = (key: string, R: number) => rows.find((r) => r.key === key && r.runs === R && !r.error)?.stepsPerSecond;
const ratio = (a?: number, b?: number) => (a && b ? a / b : undefined);
const big = Math.max(...runCounts);
const mid = runCounts.includes(65536) ? 65536 : big;
const real = adapterReport !== null && !(engineName?.software ?? true);
const targets = [
  { name: `GPU engine / CPU worker code on all ${threads} cores, R = ${big.toLocaleString('en-US')}`, value: ratio(rate('engine', big), rate('cpu-threads', big)), target: real ? 100 : undefined },
  { name: `GPU engine / CPU engine (browser's ≤ 8 workers), R = ${big.toLocaleString('en-US')}`, value: ratio(rate('engine', big), rate('cpu-engine', big)), target: real ? 100 : undefined },
  { name: `GPU engine in 8 calls / CPU engine, R = ${big.toLocaleString('en-US')} (the earlier driving)`, value: ratio(rate('engine-8', big), rate('cpu-engine', big)), target: undefined },
  { name: `GPU engine / bare kernel, R = ${mid.toLocaleString('en-US')}`, value: ratio(rate('engine', mid), rate('bare', mid)), target: 0.8 },
  ...(big === mid ? [] : [{ name: `GPU engine / bare kernel, R = ${big.toLocaleString('en-US')}`, value: ratio(rate('engine', big), rate('bare', big)), target: undefined }]),
  { name: `CPU all cores / one thread (same code), R = ${big.toLocaleString('en-US')}`, value: ratio(rate('cpu-threads', big), rate('single', big)), target: undefined },
];

const lines = ['', '| implementation | runs R | steps | seconds | optimizer-steps/s | note |', '|---|---:|---:|---:|---:|---|'];
for (const r of rows) {
  lines.push(`| ${r.impl} | ${r.runs.toLocaleString('en-US')} | ${r.steps} | ${r.seconds.toFixed(3)} | ${r.error ? '—' : formatRate(r.stepsPerSecond)} | ${r.error ? `error: ${r.error}` : (r.note ?? '')} |`);
}
lines.push('', '| ratio | measured | target | met |', '|---|---:|---:|---|');
for (const t of targets) {
  const met = t.value === undefined || t.target === undefined ? '—' : t.value >= t.target ? 'yes' : 'no';
  lines.push(`| ${t.name} | ${t.value === undefined ? '—' : t.value.toFixed(2)} | ${t.target ?? '—'} | ${met} |`);
}
lines.push('', `Total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(lines.join('\n'));

mkdirSync(dirname(jsonPath), { recursive: true });
const config = { runCounts, minSeconds, threads, calls, dawnFlags: env.BENCH_DAWN_FLAGS ?? '' };
writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpuModel, cores: availableParallelism(), adapter: adapterReport, engineAdapter: engineName, config, parity, roundTrip, rows, targets }, null, 2));
console.log(`Wrote ${jsonPath}`);
// Dawn keeps Node alive while navigator.gpu is referenced (dawn-gpu/node-webgpu README).
process.exit(0);
