/**
 * Where the GPU engine loses to the bare kernel: an ablation on whatever adapter Dawn finds.
 * For each R (ABL_RUNS, default 1,65536,1048576), optimizer-steps/s of
 *   - the bare kernel (shaders/bare_adam.wgsl, scripts/bench/bare.ts), the ceiling;
 *   - the engine's step kernel alone (./ablationKernel: flags off, N steps in ONE dispatch, no
 *     host work), and the same with one suspect removed by a text transform of its WGSL;
 *   - the step kernel chunked as the engine chunks it (K steps per dispatch, 32 per submit);
 *   - the engine as the UI drives it (createEngine('gpu')), recording off/on, 1 or 8 calls.
 * Prints a markdown table (each row also as a fraction of the bare kernel at that R) and JSON
 * (ABL_JSON). ABL_MIN_SECONDS (0.3) per measurement; ABL_ONLY: comma list of row keys.
 *   npx vite build --config scripts/bench-node/vite.config.ts && node .devkit/bundle/ablation.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MAX_STEPS } from '../../src/core/experiment';
import { createEngine } from '../../src/engine/factory';
import { acquireDevice } from '../../src/engine/gpu/device';
import { createStepLayouts } from '../../src/engine/gpu/kernel';
import { bareKernel } from '../bench/bare';
import { adamExperiment, starts, type Measure } from '../bench/workloads';
import { createKernelRig, dropCheck, dropGuards, enginePerDispatch, handGradient, scalarArrays, type KernelVariant } from './ablationKernel';
import { installWebGpu, reportAdapter } from './dawn';
import { formatRate, predictSteps, timeBoxed } from './measure';

const env = process.env;
const runCounts = (env.ABL_RUNS ?? '1,65536,1048576').split(',').map(Number);
const minSeconds = Number(env.ABL_MIN_SECONDS ?? 0.3);
const only = env.ABL_ONLY ? new Set(env.ABL_ONLY.split(',')) : null;
const jsonPath = env.ABL_JSON ?? 'bench-results/ablation.json';

const gpu = installWebGpu((env.BENCH_DAWN_FLAGS ?? '').split(/\s+/).filter(Boolean));
const adapter = await reportAdapter(gpu);
if (!adapter) {
  console.log('Adapter: none');
  process.exit(2);
}
const acquired = await acquireDevice();
if (!acquired) throw new Error('no device');
const { device } = acquired;
const layouts = createStepLayouts(device);
console.log(`Adapter: vendor=${adapter.vendor} device=${adapter.device} description=${adapter.description}; engine sees: ${acquired.info.adapter}`);

const id = (c: string) => c;
const lean = (c: string) => handGradient(scalarArrays(dropCheck(dropGuards(c))));
const kernels: KernelVariant[] = [
  { key: 'k', name: 'step kernel, flags off, 1 dispatch', transform: id },
  { key: 'k-guards', name: '… without min(t, t) guards', transform: dropGuards },
  { key: 'k-check', name: '… no status-event test', transform: dropCheck },
  { key: 'k-arrays', name: '… st/hp as private scalars', transform: scalarArrays },
  { key: 'k-hand', name: '… obj_fg hand-written (bare\'s gradient + f)', transform: handGradient },
  { key: 'k-guards-check', name: '… no guards, no check', transform: (c) => dropCheck(dropGuards(c)) },
  { key: 'k-lean', name: '… all four removed', transform: lean },
  { key: 'k-chunk', name: 'step kernel, engine chunking', transform: id, perDispatch: enginePerDispatch },
  { key: 'k-guards-chunk', name: '… without guards, engine chunking', transform: dropGuards, perDispatch: enginePerDispatch },
  { key: 'k-record', name: 'step kernel, RECORD on, 1 dispatch', transform: id, record: true },
];

/** The engine as the UI drives it: configure, warm up, then `calls` awaited step() calls. */
async function engineRow(runs: number, steps: number, record: boolean, calls: number): Promise<Measure> {
  const engine = await createEngine('gpu');
  try {
    if (engine.info.kind !== 'gpu') throw new Error('no WebGPU adapter');
    const perCall = Math.max(1, Math.ceil(steps / calls));
    const warm = Math.min(perCall, 4);
    await engine.configure(adamExperiment(warm + steps), { record, replicas: { count: runs, starts: starts(runs) } });
    await engine.step(warm);
    const t0 = performance.now();
    for (let done = 0; done < steps;) {
      const n = Math.min(perCall, steps - done);
      const s = await engine.step(n);
      if (s.x.length !== runs) throw new Error('snapshot lacks runs');
      done += n;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (engine.info.kind !== 'gpu') throw new Error('the GPU engine faulted and fell back to the CPU');
    return { steps, seconds };
  } finally {
    engine.dispose();
  }
}

interface Row { key: string; name: string; runs: number; steps: number; seconds: number; rate: number; note?: string; error?: string }
const rows: Row[] = [];
const lastRate = new Map<string, number>();
const t0 = performance.now();

async function measure(key: string, name: string, R: number, run: (steps: number) => Promise<Measure>, maxSteps: number, note?: () => Promise<string>): Promise<void> {
  if (only && !only.has(key)) return;
  let row: Row;
  try {
    const guess = predictSteps(lastRate.get(key), R, minSeconds, 64);
    const m = await timeBoxed(run, { guess, minSteps: 1, maxSteps, minSeconds });
    const rate = (R * m.steps) / m.seconds;
    lastRate.set(key, rate);
    const extra = note ? await note() : undefined;
    row = { key, name, runs: R, steps: m.steps, seconds: m.seconds, rate, note: [m.note, extra].filter(Boolean).join('; ') };
  } catch (e) {
    row = { key, name, runs: R, steps: 0, seconds: 0, rate: 0, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  rows.push(row);
  console.error(`[ablation] ${((performance.now() - t0) / 1000).toFixed(1)} s ${key} R=${R}: ${row.error ?? formatRate(row.rate)}`);
}

for (const R of runCounts) {
  await measure('bare', 'Bare WGSL kernel (ceiling)', R, (s) => bareKernel(R, s), 1 << 26);
  for (const v of kernels) {
    if (v.record && R > 64) continue;
    if (only && !only.has(v.key)) continue;
    let rig: Awaited<ReturnType<typeof createKernelRig>> | undefined;
    try {
      rig = await createKernelRig(device, layouts, v, R);
      const r = rig;
      await r.run(1);
      await measure(v.key, v.name, R, (s) => r.run(s), 1 << 26, async () => `x0 = ${(await r.firstX()).toFixed(4)}`);
    } catch (e) {
      rows.push({ key: v.key, name: v.name, runs: R, steps: 0, seconds: 0, rate: 0, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    } finally {
      rig?.destroy();
    }
  }
  for (const [record, calls] of [[false, 1], [false, 8], [true, 1], [true, 8]] as const) {
    const key = `engine-${record ? 'rec' : 'norec'}-${calls}`;
    await measure(key, `engine, record ${record ? 'on' : 'off'}, ${calls} call${calls > 1 ? 's' : ''}`, R, (s) => engineRow(R, s, record, calls), MAX_STEPS - 8);
  }
}

const bare = (R: number) => rows.find((r) => r.key === 'bare' && r.runs === R && !r.error)?.rate;
const lines = ['', '| row | variant | runs R | steps | seconds | optimizer-steps/s | / bare | note |', '|---|---|---:|---:|---:|---:|---:|---|'];
for (const r of rows) {
  const b = bare(r.runs);
  const frac = r.error || !b ? '—' : (r.rate / b).toFixed(3);
  lines.push(`| ${r.key} | ${r.name} | ${r.runs.toLocaleString('en-US')} | ${r.steps} | ${r.seconds.toFixed(3)} | ${r.error ? '—' : formatRate(r.rate)} | ${frac} | ${r.error ? `error: ${r.error}` : (r.note ?? '')} |`);
}
lines.push('', `Total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(lines.join('\n'));
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), adapter, engine: acquired.info, minSeconds, rows }, null, 2));
device.destroy();
process.exit(0);
