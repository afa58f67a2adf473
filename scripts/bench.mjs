#!/usr/bin/env node
/**
 * npm run bench: optimizer-steps per second for Adam on Rosenbrock, GPU engine vs bare kernel
 * vs CPU engine vs single-thread JS vs TensorFlow.js webgpu, all rows in one headless Chromium
 * run. Prints a markdown table and the target ratios; writes bench-results/bench.json.
 *
 * Env: CHROMIUM_PATH (browser), BENCH_CHROMIUM_ARGS (extra flags, e.g. for a real GPU on Linux:
 * "--enable-features=Vulkan,VulkanFromANGLE --use-angle=vulkan --ignore-gpu-blocklist"),
 * BENCH_RUNS (comma list, default 1,1024,65536,1048576), BENCH_GPU_WORK / BENCH_CPU_WORK /
 * BENCH_TF_WORK (run-steps per measurement), BENCH_REPEAT (measurements per row, the fastest
 * is reported; default 3), BENCH_ONLY (regex: rows whose name matches, e.g.
 * 'GPU|Bare|Tensor'), BENCH_CALL_STEPS (steps per step(n) call of the engine rows; default: as
 * the app's runner sizes its calls at its top speed, 100 to 400), BENCH_HEADED=1 (show the window),
 * BENCH_DATASET_SAMPLES (the dataset rows' samples, default 1,000,000), BENCH_DATASET_RUNS
 * (comma list of GPU runs per call for the dataset rows, default 1; BENCH_ONLY=Dataset runs
 * only those rows), BENCH_MAP_SIDE / BENCH_MAP_STEPS (the map rows' grid side and steps per
 * cell, default 256 and 500; BENCH_ONLY=Map runs only those rows).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.mjs';

const PORT = 5199;
const executablePath = chromiumExecutable();
const args = [...chromiumArgs, ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean)];
const runs = (process.env.BENCH_RUNS ?? '1,1024,65536,1048576').split(',').map(Number);
const only = process.env.BENCH_ONLY ?? '';

// No HMR: another edit in the tree must not reload the page mid-run.
const server = await createServer({ server: { port: PORT, strictPort: true, hmr: false, watch: null }, logLevel: 'warn', clearScreen: false });
await server.listen();
const browser = await chromium.launch({ executablePath, args, headless: process.env.BENCH_HEADED !== '1' });
let result;
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.text().startsWith('[bench]')) console.error(m.text()); });
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`http://localhost:${PORT}/scripts/bench/bench.html`);
  await page.waitForFunction(() => 'bench' in window, null, { timeout: 120_000 });
  result = await page.evaluate((o) => window.bench.run(o), {
    runs, only, gpuWork: Number(process.env.BENCH_GPU_WORK ?? 0), cpuWork: Number(process.env.BENCH_CPU_WORK ?? 0), tfWork: Number(process.env.BENCH_TF_WORK ?? 0),
    repeat: Number(process.env.BENCH_REPEAT ?? 3), callSteps: Number(process.env.BENCH_CALL_STEPS ?? 0),
    datasetSamples: Number(process.env.BENCH_DATASET_SAMPLES ?? 0),
    datasetRuns: (process.env.BENCH_DATASET_RUNS ?? '').split(',').filter(Boolean).map(Number),
    mapSide: Number(process.env.BENCH_MAP_SIDE ?? 0), mapSteps: Number(process.env.BENCH_MAP_STEPS ?? 0),
  });
} finally {
  await browser.close();
  await server.close();
}

const fmt = (v) => (v >= 1e9 ? `${(v / 1e9).toFixed(2)} G` : v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k` : v.toFixed(0));
const adapter = result.adapter ? `${result.adapter.adapter}${result.adapter.software ? ' (software adapter)' : ''}` : 'none (no WebGPU adapter)';
const lines = [`Adapter: ${adapter}; CPU cores: ${result.cores}`, '', '| implementation | runs R | steps | seconds | optimizer-steps/s | note |', '|---|---:|---:|---:|---:|---|'];
for (const r of result.rows) {
  lines.push(`| ${r.impl} | ${r.runs.toLocaleString('en-US')} | ${r.steps} | ${r.seconds.toFixed(3)} | ${r.error ? '—' : fmt(r.stepsPerSecond)} | ${r.error ? `error: ${r.error}` : (r.note ?? '')} |`);
}
const rate = (impl, R) => result.rows.find((r) => r.impl.startsWith(impl) && r.runs === R && !r.error)?.stepsPerSecond;
const ratio = (a, b) => (a && b ? a / b : undefined);
const targets = [
  { name: 'GPU engine / bare kernel at R = 65,536', value: ratio(rate('GPU engine', 65536), rate('Bare WGSL kernel (ceiling)', 65536)), target: 0.8 },
  { name: 'GPU engine / TF.js webgpu tf.train.adam at R = 1,048,576', value: ratio(rate('GPU engine', 1048576), rate('TensorFlow.js webgpu, tf.train', 1048576)), target: 40 },
  { name: 'GPU engine / TF.js webgpu hand-written ops at R = 1,048,576', value: ratio(rate('GPU engine', 1048576), rate('TensorFlow.js webgpu, hand', 1048576)), target: undefined },
  { name: 'Bare kernel / TF.js webgpu tf.train.adam at R = 1,048,576 (the ceiling of that ratio)', value: ratio(rate('Bare WGSL kernel (ceiling)', 1048576), rate('TensorFlow.js webgpu, tf.train', 1048576)), target: undefined },
  { name: 'Bare kernel in the engine row\'s calls / TF.js webgpu tf.train.adam at R = 1,048,576 (that ratio\'s ceiling in calls of the engine\'s size)', value: ratio(rate('Bare WGSL kernel, in', 1048576), rate('TensorFlow.js webgpu, tf.train', 1048576)), target: undefined },
  { name: 'GPU engine / bare kernel in the engine row\'s calls at R = 65,536', value: ratio(rate('GPU engine', 65536), rate('Bare WGSL kernel, in', 65536)), target: undefined },
  { name: 'GPU engine / bare kernel in the engine row\'s calls at R = 1,048,576', value: ratio(rate('GPU engine', 1048576), rate('Bare WGSL kernel, in', 1048576)), target: undefined },
  { name: 'CPU engine / plain single-thread loop at R = 65,536', value: ratio(rate('CPU engine', 65536), rate('JS single thread, plain', 65536)), target: 1.6 },
  { name: 'CPU engine / same step code on one thread at R = 65,536 (scaling)', value: ratio(rate('CPU engine', 65536), rate('JS single thread, engine', 65536)), target: undefined },
  { name: 'GPU engine / CPU engine at R = 1,048,576 (target applies to a real GPU)', value: ratio(rate('GPU engine', 1048576), rate('CPU engine', 1048576)), target: result.adapter?.software ? undefined : 100 },
];
lines.push('', '| ratio | measured | target | met |', '|---|---:|---:|---|');
for (const t of targets) {
  const v = t.value === undefined ? '—' : t.value.toFixed(2);
  const met = t.value === undefined || t.target === undefined ? '—' : t.value >= t.target ? 'yes' : 'no';
  lines.push(`| ${t.name} | ${v} | ${t.target ?? '—'} | ${met} |`);
}
// Dataset rows: full-batch gradients of linear regression on a million samples, GPU vs CPU.
const dsRows = result.datasetRows ?? [];
if (dsRows.length > 0) {
  lines.push('', `Full-batch gradient evaluations per second on ${dsRows[0].samples.toLocaleString('en-US')} samples (linear regression), GPU vs CPU, in one run:`, '',
    '| implementation | samples | runs per call | calls | seconds | full-batch gradients/s | per-sample gradients/s | note |', '|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of dsRows) {
    lines.push(`| ${r.impl} | ${r.samples.toLocaleString('en-US')} | ${r.runs} | ${r.calls} | ${r.seconds.toFixed(3)} | ${r.error ? '—' : r.evaluationsPerSecond.toFixed(2)} | ${r.error ? '—' : fmt(r.sampleGradientsPerSecond)} | ${r.error ? `error: ${r.error}` : (r.note ?? '')} |`);
  }
  const cpuDs = dsRows.find((r) => r.impl.includes('CPU') && !r.error);
  for (const g of dsRows.filter((r) => r.impl.includes('GPU') && !r.error)) {
    if (cpuDs) lines.push('', `${g.impl} / CPU, per-sample gradients/s: ${(g.sampleGradientsPerSecond / cpuDs.sampleGradientsPerSecond).toFixed(2)}`);
  }
}
// Map rows: a 256 × 256 lr × β1 map of 500 Adam steps on Rosenbrock, GPU vs CPU engine.
const mapRows = result.mapRows ?? [];
if (mapRows.length > 0) {
  lines.push('', `Time to compute a ${mapRows[0].cells.toLocaleString('en-US')}-cell hyperparameter map (Adam lr × β1 on Rosenbrock, ${mapRows[0].steps} steps per cell), through the app's map job, in one run:`, '',
    '| implementation | cells | steps | chunks | seconds | optimizer-steps/s | note |', '|---|---:|---:|---:|---:|---:|---|');
  for (const r of mapRows) lines.push(`| ${r.impl} | ${r.cells.toLocaleString('en-US')} | ${r.steps} | ${r.chunks} | ${r.seconds.toFixed(2)} | ${r.error ? '—' : fmt(r.stepsPerSecond)} | ${r.error ? `error: ${r.error}` : ''} |`);
  const g = mapRows.find((r) => r.impl.includes('GPU') && !r.error);
  const c = mapRows.find((r) => r.impl.includes('CPU') && !r.error);
  if (g && c) lines.push('', `Map: GPU engine / CPU engine speed-up ${(c.seconds / g.seconds).toFixed(2)}× (target on a real GPU: under 0.15 s for the GPU map)`);
}
console.log(lines.join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), ...result, targets }, null, 2));
console.log('\nWrote bench-results/bench.json');
