/**
 * The maps of issue 13 in the built app: the hyperparameter map of heavy-ball momentum on the
 * quadratic bowl (κ = 100) renders with the analytic boundary over it, hover reads a cell with
 * theory's and the measured rate, a click adds that configuration to the race; the basin map
 * of Himmelblau reaches the four minima and a click starts the race from that pixel; a long
 * job is cancelled; both maps export CSV; screenshots of both views; an axe scan.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../src/ui/export/csv';
import { captureErrors, openApp } from './fixtures';

test('hyperparameter map: heavy ball on the quadratic, the theory line, hover, click adds the run', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=quadratic(kappa=100)&runs=sgd(lr=0.01,momentum=0.5)');
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await page.getByTestId('stage-tab-hyper').click();
  await expect(page.getByTestId('stage-tab-hyper')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('hyper-x')).toHaveValue('lr');
  await expect(page.getByTestId('hyper-y')).toHaveValue('momentum');
  await page.getByTestId('hyper-grid').selectOption('32');
  await page.getByTestId('hyper-steps').fill('200');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-done')).toContainText('1,024 runs × 200 steps', { timeout: 60_000 });
  await expect(page.getByTestId('hyper-map').getByTestId('map-overlay')).toHaveCount(1);
  await expect(page.getByTestId('hyper-map').getByTestId('map-overlay')).toContainText('theory');
  await page.screenshot({ path: 'docs/screenshots/hyper-map.png' });

  // Hover a cell left of the boundary: it converges; the read-out gives both rates.
  const cap = page.getByTestId('hyper-map').getByTestId('map-capture');
  const box = (await cap.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const tip = page.getByTestId('hyper-map').getByTestId('map-tooltip');
  await expect(tip).toContainText('Learning rate');
  await expect(tip).toContainText('theory');
  await expect(tip).not.toContainText('diverged');
  // Far right: diverged.
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5);
  await expect(tip).toContainText('diverged');

  // The CSV holds every cell.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-csv').click()]);
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  expect(rows[0]).toEqual(['lr', 'momentum', 'final_loss', 'outcome', 'steps']);
  expect(rows.length - 1).toBe(1024);
  expect(new Set(rows.slice(1).map((r) => r[3]))).toContain('diverged');

  // A click adds that configuration to the race and shows it.
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await expect(page.getByTestId('stage-tab-race')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByTestId('legend-item').nth(1)).toContainText('lr=');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/sgd\(lr=0\.01,momentum=0\.5\);sgd\(lr=[0-9.e-]+,momentum=0\.[0-9]+/);
  expect(errors).toEqual([]);
});

test('basin map: Himmelblau’s four basins, a click races from that pixel; a long job is cancelled', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=himmelblau&runs=gd(lr=0.01)');
  await page.getByTestId('stage-tab-basin').click();
  await page.getByTestId('basin-grid').selectOption('64');
  await page.getByTestId('basin-steps').fill('600');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('basin-counts')).toHaveAttribute('data-basins', '4');
  await expect(page.getByTestId('basin-map').getByTestId('map-marker')).toHaveCount(4);
  await page.screenshot({ path: 'docs/screenshots/basin-map.png' });
  const results = await new AxeBuilder({ page }).include('[data-testid="basin-panel"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-csv').click()]);
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  expect(rows.length - 1).toBe(64 * 64);
  expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['1', '2', '3', '4']));

  // A long job: cancel stops it and says so.
  await page.getByTestId('basin-grid').selectOption('512');
  await page.getByTestId('basin-steps').fill('100000');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-progress-bar')).toBeVisible();
  await page.getByTestId('map-cancel').click();
  await expect(page.getByTestId('map-cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('map-progress-bar')).toHaveCount(0);

  // A click on the (last drawn) map starts the race there.
  const cap = page.getByTestId('basin-map').getByTestId('map-capture');
  const box = (await cap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
  await expect(page.getByTestId('stage-tab-race')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/start=2\.[0-9]+;2\.[0-9]+/);
  expect(errors).toEqual([]);
});

test('the map tabs read in Chinese, and the maps say why they do not run on a dataset', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=zh-CN&autoplay=0#v=1&f=linear_regression&runs=gd');
  await expect(page.getByTestId('stage-tab-hyper')).toHaveText('超参数图');
  await page.getByTestId('stage-tab-hyper').click();
  await expect(page.getByTestId('map-dataset-note')).toBeVisible();
  await expect(page.getByTestId('map-compute')).toBeDisabled();
  // Arrow keys move between the tabs.
  await page.getByTestId('stage-tab-hyper').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('stage-tab-basin')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('map-dataset-note')).toBeVisible();
  // The note follows the surface: picked in the sidebar, Himmelblau can be mapped at once.
  await page.getByTestId('surface-option-himmelblau').click();
  await expect(page.getByTestId('map-dataset-note')).toHaveCount(0);
  await expect(page.getByTestId('map-compute')).toBeEnabled();
});
