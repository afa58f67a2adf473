#!/usr/bin/env node
/**
 * UI frame-rate bench: the BUILT app (dist/, served by `vite preview` on port 5198) in Chromium
 * at 1920×1080, 10 runs racing on the default surface, measured for a few seconds per engine
 * and speed: animation-frame intervals (median, p95, share of frames over 16.7 / 33 ms), long
 * tasks and steps per second. Prints a markdown table; writes bench-results/bench-ui.json.
 * The app is driven through its own UI (data-testid selectors), as the e2e specs do.
 *
 * Env: CHROMIUM_PATH (browser), BENCH_CHROMIUM_ARGS (extra flags, e.g. a real GPU on Linux:
 * "--enable-features=Vulkan,VulkanFromANGLE --use-angle=vulkan --ignore-gpu-blocklist"),
 * BENCH_UI_ENGINES (default cpu,auto), BENCH_UI_SPEEDS (default 1,10,100),
 * BENCH_UI_SECONDS (per case, default 5), BENCH_UI_RUNS (default 10), BENCH_UI_BUILD=1
 * (rebuild dist/ first; otherwise only when dist/index.html is missing), BENCH_UI_HEADED=1
 * (show the window: on a desktop this measures real compositing and vsync),
 * BENCH_UI_TRACE=<dir> (write a Chromium performance trace per case there, for DevTools),
 * BENCH_UI_PROFILE=<dir> (write a V8 CPU profile of the page per case, .cpuprofile),
 * BENCH_UI_QUERY=<a=b&c=d> (appended to the app URL, e.g. theme=dark), BENCH_UI_DIST=<dir> (serve this build instead of dist/, e.g. an unminified one for profiles:
 * `npx vite build --minify false --outDir /tmp/gs-nomin --emptyOutDir`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.mjs';
import { summarise, table } from './bench-ui/stats.mjs';

const PORT = 5198;
const VIEWPORT = { width: 1920, height: 1080 };
const list = (v, d) =>
  (v ?? d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const engines = list(process.env.BENCH_UI_ENGINES, 'cpu,auto');
const speeds = list(process.env.BENCH_UI_SPEEDS, '1,10,100').map(Number);
const seconds = Number(process.env.BENCH_UI_SECONDS ?? 5);
const runCount = Number(process.env.BENCH_UI_RUNS ?? 10);
const traceDir = process.env.BENCH_UI_TRACE;
const profileDir = process.env.BENCH_UI_PROFILE;
const headed = process.env.BENCH_UI_HEADED === '1';
const extraQuery = process.env.BENCH_UI_QUERY ? `&${process.env.BENCH_UI_QUERY}` : '';
// Optimizers added (in this order, repeating) after the four of the default experiment.
const EXTRA = ['sgd', 'adamw', 'nadam', 'radam', 'adagrad', 'lion', 'adamax', 'adadelta'];
// The default budget (3000 steps) lasts half a second at 100×; the maximum lasts the window.
const BUDGET = '100000';

const executablePath = chromiumExecutable();
const args = [
  ...chromiumArgs,
  `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
  ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean),
];

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.env.BENCH_UI_DIST || `${root}dist`;
if (
  !process.env.BENCH_UI_DIST &&
  (process.env.BENCH_UI_BUILD === '1' || !existsSync(`${outDir}/index.html`))
) {
  console.error('[bench-ui] building dist/ (vite build)…');
  await build({ root, logLevel: 'warn' });
}

const server = await preview({
  root,
  build: { outDir },
  preview: { port: PORT, strictPort: true, open: false },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath, args, headless: !headed });
const cases = [];
const browserVersion = browser.version();
try {
  for (const engine of engines) await benchEngine(engine);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

/** Opens the app on one engine, grows it to `runCount` runs, then measures each speed. */
async function benchEngine(engine) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({
    path: fileURLToPath(new URL('./bench-ui/probe.js', import.meta.url)),
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('[console]', m.text());
  });
  try {
    await page.goto(
      `http://localhost:${PORT}/?engine=${engine}&lang=en&theme=light&autoplay=0${extraQuery}`,
    );
    await page.getByTestId('surface-view').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () =>
        /cpu|gpu/.test(
          document.querySelector('[data-testid=engine-badge]')?.getAttribute('data-kind') ?? '',
        ),
      null,
      { timeout: 60_000 },
    );
    const rows = page.getByTestId('run-row');
    for (let i = 0; (await rows.count()) < runCount; i++) {
      await page.getByTestId('add-optimizer-select').selectOption(EXTRA[i % EXTRA.length]);
      await page.getByTestId('add-optimizer').click();
    }
    await page.getByTestId('steps-input').fill(BUDGET);
    await page.getByTestId('steps-input').press('Enter');
    const badge = page.getByTestId('engine-badge');
    const kind = await badge.getAttribute('data-kind');
    const adapter =
      (await page
        .getByTestId('engine-adapter')
        .textContent()
        .catch(() => '')) ?? '';
    const engineLabel = `${engine} → ${kind}${adapter ? ` (${adapter.trim()})` : ''}`;
    for (const speed of speeds) {
      const c = { engine, engineLabel, kind, adapter, speed, runs: await rows.count() };
      try {
        c.summary = await measure(page, speed, `${engine}-${speed}x`);
      } catch (e) {
        c.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      cases.push(c);
      console.error(
        `[bench-ui] ${engineLabel} ${speed}×: ${c.summary ? `${c.summary.fps.toFixed(1)} fps, ${Math.round(c.summary.stepsPerSec)} steps/s` : c.error}`,
      );
    }
  } finally {
    await context.close();
  }
}

/** Reset, set the speed, play, let it settle for a second, then record `seconds`. */
async function measure(page, speed, name) {
  if (await page.getByTestId('pause').isVisible()) await page.getByTestId('pause').click();
  await page.getByTestId('speed').selectOption(String(speed));
  await page.getByTestId('reset').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=step-counter]')?.getAttribute('data-step') === '0',
  );
  await page.getByTestId('play').click();
  await page.waitForTimeout(1000);
  if (traceDir) {
    mkdirSync(traceDir, { recursive: true });
    await browser.startTracing(page, { path: `${traceDir}/${name}.json`, screenshots: false });
  }
  const cdp = profileDir ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => window.__uiBench.start());
  await page.waitForTimeout(seconds * 1000);
  const raw = await page.evaluate(() => window.__uiBench.stop());
  if (traceDir) await browser.stopTracing();
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(`${profileDir}/${name}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  }
  await page
    .getByTestId('pause')
    .click()
    .catch(() => {});
  return summarise(raw, speed);
}

const env = {
  date: new Date().toISOString(),
  browser: browserVersion,
  headless: !headed,
  viewport: VIEWPORT,
  cpuCores: cpus().length,
  cpuModel: cpus()[0]?.model ?? '',
  secondsPerCase: seconds,
  runs: runCount,
  stepBudget: Number(BUDGET),
};
console.log(
  `Chromium ${env.browser}${env.headless ? ' (headless)' : ''}, ${env.viewport.width}×${env.viewport.height}, ${env.cpuCores} CPU cores (${env.cpuModel}), ${runCount} runs, ${seconds} s per case\n`,
);
console.log(table(cases));
mkdirSync(`${root}bench-results`, { recursive: true });
writeFileSync(`${root}bench-results/bench-ui.json`, JSON.stringify({ ...env, cases }, null, 2));
console.log('\nWrote bench-results/bench-ui.json');
