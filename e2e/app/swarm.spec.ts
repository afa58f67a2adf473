/**
 * The swarm view (issue 13) in the built app: 1,000 random starts of gradient descent on
 * Himmelblau animate as a cloud and end at its four minima, on the CPU engine and on WebGPU;
 * Cancel stops a long job at once; the view at desktop and phone sizes (screenshots).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../src/ui/export/csv';
import { requireAdapter } from '../adapter';
import { captureErrors, openApp } from './fixtures';

const HIMMELBLAU = '#v=1&f=himmelblau&runs=gd(lr=0.01)';
const SHOTS = process.env.GS_SWARM_SHOTS ?? 'test-results/swarm';

async function openSwarm(page: Page, query: string): Promise<void> {
  await openApp(page, query);
  await page.getByTestId('stage-tab-swarm').click();
  await expect(page.getByTestId('swarm-panel')).toBeVisible();
}

const readout = (page: Page) => page.getByTestId('swarm-readout');
const attr = async (page: Page, name: string) => Number(await readout(page).getAttribute(`data-${name}`));

/** Starts `n` points for the default steps and waits for the job to finish. */
async function runSwarm(page: Page, n: number): Promise<void> {
  await page.getByTestId('swarm-size').selectOption(String(n));
  await expect(page.getByTestId('map-compute')).toHaveText(new RegExp(`^(Start|Restart) ${n.toLocaleString('en')} points$`));
  await page.getByTestId('map-compute').click();
  // The first chunk is one step: the cloud is there, with every point, while the job runs.
  await expect(page.getByTestId('surface-cloud')).toHaveAttribute('data-dots', /\d+/);
  await expect(page.getByTestId('map-done')).toBeVisible({ timeout: 90_000 });
}

/** After 500 steps of GD (lr 0.01) nearly every point sits at one of Himmelblau's 4 minima. */
async function expectAtMinima(page: Page, n: number): Promise<void> {
  expect(await attr(page, 'total')).toBe(n);
  expect(await attr(page, 'diverged')).toBe(0);
  expect(await attr(page, 'at-minimum')).toBeGreaterThanOrEqual(0.97 * n);
  expect(await attr(page, 'converged')).toBeGreaterThan(0); // ‖∇f‖ < 1e-6 in f32: not every point gets there
  // Each of the four minima holds at least a tenth of the swarm.
  const per = (await readout(page).getAttribute('data-per-minimum'))!.split(',').map(Number);
  expect(per).toHaveLength(4);
  for (const k of per) expect(k).toBeGreaterThan(0.1 * n);
  await expect(readout(page)).toContainText('At the minima: (');
  const dots = Number(await page.getByTestId('surface-cloud').getAttribute('data-dots'));
  expect(dots).toBe(n);
  // The piles on the minima are marked with a ring and their count (largest first).
  const piles = (await page.getByTestId('surface-cloud').getAttribute('data-piles'))!.split(',').filter(Boolean).map(Number);
  expect(piles.length).toBeGreaterThanOrEqual(4);
  for (const k of piles.slice(0, 4)) expect(k).toBeGreaterThan(0.05 * n);
  await expect(readout(page)).toContainText(`of ${n.toLocaleString('en')} points converged`);
}

test('1,000 points on Himmelblau (CPU engine) animate and end at the four minima', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSwarm(page, `engine=cpu&lang=en&autoplay=0${HIMMELBLAU}`);
  // The CPU engine's default is a smaller swarm; the steps default to min(500, the race's).
  await expect(page.getByTestId('swarm-size')).toHaveValue('2000');
  await expect(page.getByTestId('swarm-steps')).toHaveValue('500');
  // Step by step at first: the progress bar shows an early step before the job ends.
  const steps: number[] = [];
  page.on('console', () => undefined);
  await page.getByTestId('swarm-size').selectOption('1000');
  await page.getByTestId('map-compute').click();
  await expect(readout(page)).toBeVisible();
  steps.push(await attr(page, 'step'));
  await expect(page.getByTestId('map-done')).toBeVisible({ timeout: 90_000 });
  expect(steps[0]).toBeLessThan(100);
  await expectAtMinima(page, 1000);
  await expect(page.getByTestId('map-done')).toContainText('1,000 runs');
  await page.screenshot({ path: `${SHOTS}/swarm-1920.png` });
  // The same seed gives the same swarm; Restart reruns it.
  const atMin = await attr(page, 'at-minimum');
  await expect(page.getByTestId('map-compute')).toHaveText('Restart 1,000 points');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-done')).toBeVisible({ timeout: 90_000 });
  expect(await attr(page, 'at-minimum')).toBe(atMin);
  // PNG of the view.
  const download = page.waitForEvent('download');
  await page.getByTestId('map-png').click();
  expect((await download).suggestedFilename()).toBe('swarm.png');
  // CSV: every point's start, end and outcome; the converged rows sit on the minima.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-csv').click()]);
  expect(dl.suggestedFilename()).toBe('swarm.csv');
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  expect(rows[0]).toEqual(['x0', 'y0', 'x', 'y', 'status', 'step']);
  expect(rows.length - 1).toBe(1000);
  const converged = rows.slice(1).filter((r) => r[4] === 'converged');
  expect(converged.length).toBe(await attr(page, 'converged'));
  const minima = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
  for (const r of converged) {
    const [x, y] = [Number(r[2]), Number(r[3])];
    expect(Math.min(...minima.map(([mx, my]) => Math.hypot(x - mx, y - my)))).toBeLessThan(0.05);
  }
  expect(errors).toEqual([]);
});

test('Cancel stops a long swarm job', async ({ page }) => {
  const errors = captureErrors(page);
  // A tiny learning rate: nothing converges, so the job would run all its 100,000 steps.
  await openSwarm(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=himmelblau&runs=gd(lr=0.000001)&steps=100000');
  await page.getByTestId('swarm-size').selectOption('10000');
  await page.getByTestId('swarm-steps').fill('100000');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-progress-bar')).toBeVisible();
  await expect.poll(() => attr(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(20);
  await page.screenshot({ path: `${SHOTS}/swarm-running.png` });
  await page.getByTestId('map-cancel').click();
  await expect(page.getByTestId('map-progress-bar')).toHaveCount(0);
  await expect(page.getByTestId('map-cancelled')).toBeVisible();
  await expect(page.getByTestId('map-compute')).toBeEnabled();
  const stopped = await attr(page, 'step');
  expect(stopped).toBeLessThan(100000);
  await page.waitForTimeout(1500);
  expect(await attr(page, 'step')).toBe(stopped);
  expect(await attr(page, 'total')).toBe(10000);
  expect(errors).toEqual([]);
});

test('the swarm on a phone, and the note on a dataset objective', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openSwarm(page, `engine=cpu&lang=en&autoplay=0${HIMMELBLAU}`);
  await runSwarm(page, 1000);
  await expectAtMinima(page, 1000);
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId('swarm-panel').screenshot({ path: `${SHOTS}/swarm-390.png` });
  await openSwarm(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=linear_regression(n=100)&runs=gd(lr=0.05)');
  await expect(page.getByTestId('map-dataset-note')).toBeVisible();
  await expect(page.getByTestId('map-compute')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the swarm on WebGPU', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('/?lang=en');
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  requireAdapter(hasAdapter);
  await openSwarm(page, `lang=en&autoplay=0${HIMMELBLAU}`);
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'gpu', { timeout: 60_000 });
  await expect(page.getByTestId('swarm-size')).toHaveValue('10000');
  await runSwarm(page, 1000);
  await expect(page.getByTestId('map-done')).toContainText('GPU');
  await expectAtMinima(page, 1000);
  await expect(page.getByTestId('surface-cloud')).toHaveAttribute('data-mode', 'arcs');
  // 10,000 points: the dense (pixel) cloud.
  await runSwarm(page, 10_000);
  await expectAtMinima(page, 10_000);
  await expect(page.getByTestId('surface-cloud')).toHaveAttribute('data-mode', 'pixels');
  expect(errors).toEqual([]);
});
