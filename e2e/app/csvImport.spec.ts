/**
 * "Your own data" (issue 12) in the built app: a malformed CSV gets a message naming the line
 * and changes nothing; a pasted CSV becomes the race's data (the Data card shows its points,
 * the link carries its id, the race runs); a file chosen with the file input works too; a link
 * naming data this tab lacks falls back to generated data with a notice.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../src/ui/export/csv';
import { captureErrors, openApp, waitForStep } from './fixtures';

/** The first run's exported (x, y, loss) at step 0. */
async function firstRunAtStart(page: Page): Promise<{ x: number; y: number; loss: number }> {
  await page.getByTestId('export-menu').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-trajectories').click()]);
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  const col = (k: string) => rows[0].indexOf(k);
  const r = rows.slice(1).find((row) => row[col('step')] === '0')!;
  return { x: Number(r[col('x')]), y: Number(r[col('y')]), loss: Number(r[col('loss')]) };
}

/** Points the Data card draws (each marker path says how many it holds). */
async function pointsShown(page: Page): Promise<number> {
  const counts = await page.getByTestId('data-points').locator('path').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count') ?? 0)));
  return counts.reduce((a, b) => a + b, 0);
}

/** The link fragment once the quarter-second writer has caught up. */
async function settledHash(page: Page): Promise<string> {
  await page.waitForTimeout(400);
  return page.evaluate(() => decodeURIComponent(location.hash));
}

/** Twelve rows of a line through house sizes (m²) and prices (thousands): far from the generated data. */
const HOUSES = ['x,y', ...Array.from({ length: 12 }, (_, i) => `${50 + 15 * i},${(3.1 * (50 + 15 * i) + 40 + ((i * 7) % 5) - 2).toFixed(1)}`)].join('\n');

async function openRegression(page: Page, lang = 'en'): Promise<void> {
  await openApp(page, `engine=cpu&lang=${lang}&autoplay=0`);
  await page.getByTestId('surface-option-linear_regression').click();
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  await expect.poll(() => pointsShown(page)).toBe(200);
}

test('a malformed CSV is refused with the line and the problem, and nothing changes', async ({ page }) => {
  const errors = captureErrors(page);
  await openRegression(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '1');
  const hash = await settledHash(page);
  const runs = await page.getByTestId('run-row').count();

  await page.getByTestId('csv-import-open').click();
  await expect(page.getByTestId('csv-import')).toContainText('x,y');
  await expect(page.getByTestId('csv-import')).toContainText('1,000,000 rows');
  await expect(page.getByTestId('csv-import')).toContainText('32 MiB');
  await page.getByTestId('csv-paste').fill('x,y\n1,2\n1,abc\n4,5\n');
  await page.getByTestId('csv-apply').click();
  const error = page.getByTestId('csv-error');
  await expect(error).toContainText('Line 3, column 2: y “abc” is not a number.');
  await expect(error).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('csv-paste')).toHaveAttribute('aria-invalid', 'true');

  // Nothing else moved: the same experiment (link), runs, data and race step.
  expect(await settledHash(page)).toBe(hash);
  await expect(page.getByTestId('run-row')).toHaveCount(runs);
  expect(await pointsShown(page)).toBe(200);
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('csv-summary')).toHaveCount(0);

  // A whole-file problem: one row is not a dataset.
  await page.getByTestId('csv-paste').fill('x,y\n1,2\n');
  await page.getByTestId('csv-apply').click();
  await expect(error).toContainText('only 1 rows of data, at least 2 are needed');
  expect(await settledHash(page)).toBe(hash);
  expect(errors).toEqual([]);
});

test('pasted data become the race: the Data card, the link and the steps use them; generated data come back', async ({ page }) => {
  const errors = captureErrors(page);
  await openRegression(page);
  await page.getByTestId('csv-import-open').click();
  await page.getByTestId('csv-paste').fill(HOUSES);
  await page.getByTestId('csv-apply').click();

  await expect(page.getByTestId('csv-summary')).toHaveText('Your data: pasted.csv, 12 rows');
  await expect(page.getByTestId('csv-import')).toHaveCount(0);
  await expect(page.getByTestId('csv-import-open')).toBeFocused();
  await expect.poll(() => pointsShown(page)).toBe(12);
  // The generator's settings do not apply to imported data; feature scaling does.
  await expect(page.getByTestId('param-n-input')).toHaveCount(0);
  await expect(page.getByTestId('param-noise-input')).toHaveCount(0);
  const scaling = page.getByTestId('param-standardize-switch');
  await expect(scaling).toHaveCount(1);
  const link = await settledHash(page);
  expect(link).toMatch(/f=linear_regression\([^)]*data=\d+/);
  // Feature scaling off: the same samples, a start moved into the raw data's window.
  await scaling.click();
  await expect.poll(() => settledHash(page)).toContain('standardize=0');
  expect(await pointsShown(page)).toBe(12);
  const start = (h: string) => /start=([^&]*)/.exec(h)?.[1];
  expect(start(await settledHash(page))).not.toBe(start(link));
  // The engine (a CPU worker) computes its loss on the imported samples: the mean squared
  // error of the start's line over the twelve rows, to f32 accuracy.
  const at = await firstRunAtStart(page);
  const points = HOUSES.split('\n').slice(1).map((l) => l.split(',').map(Number));
  const mse = points.reduce((sum, [x, y]) => sum + (at.x * x + at.y - y) ** 2, 0) / points.length;
  expect(Math.abs(at.loss - mse) / mse).toBeLessThan(1e-4);

  // The race runs on them: steps advance from step 0 without a console error.
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '0');
  await page.getByTestId('play').click();
  await waitForStep(page, 20);
  await page.getByTestId('pause').click();

  await page.getByTestId('csv-generated').click();
  await expect(page.getByTestId('csv-summary')).toHaveCount(0);
  await expect.poll(() => pointsShown(page)).toBe(200);
  await expect(page.getByTestId('param-n-input')).toHaveValue('200');
  expect(await settledHash(page)).not.toContain('data=');
  expect(errors).toEqual([]);
});

test('a file chosen with the file input is imported; a bad file is named by line, in Chinese too', async ({ page }) => {
  const errors = captureErrors(page);
  await openRegression(page, 'zh-CN');
  await page.getByTestId('csv-import-open').click();
  await page.getByTestId('csv-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x;y\n1;2\n3;4\n5;6;7\n') });
  await expect(page.getByTestId('csv-error')).toContainText('第 4 行：应有 2 个字段，实际有 3 个。');
  expect(await pointsShown(page)).toBe(200);

  await page.getByTestId('csv-file').setInputFiles({ name: 'houses.csv', mimeType: 'text/csv', buffer: Buffer.from(HOUSES) });
  await expect(page.getByTestId('csv-summary')).toHaveText('你的数据：houses.csv，12 行');
  await expect.poll(() => pointsShown(page)).toBe(12);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '1');
  expect(errors).toEqual([]);
});

test('classification data: x1,x2,label with the data card showing both classes', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('surface-option-logistic_regression').click();
  await page.getByTestId('csv-import-open').click();
  await expect(page.getByTestId('csv-import')).toContainText('x1,x2,label');
  await page.getByTestId('csv-paste').fill('x1,x2,label\n1,2,2\n');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-error')).toContainText('Line 2, column 3: label “2” must be 0 or 1');
  const rows = Array.from({ length: 30 }, (_, i) => `${(i % 7) - 3 + (i % 2 ? 2 : -2)},${((i * 5) % 11) / 4 - 1.2},${i % 2}`);
  await page.getByTestId('csv-paste').fill(rows.join('\n'));
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-summary')).toHaveText('Your data: pasted.csv, 30 rows');
  await expect.poll(() => pointsShown(page)).toBe(30);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '1');
  expect(errors).toEqual([]);
});

test('a link naming imported data this tab lacks shows generated data and says why', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('/?engine=cpu&lang=en&autoplay=0#v=1&f=linear_regression(standardize=0,data=12345)&start=0.5;300&runs=gd');
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('objective.params.data');
  await expect(notice).toContainText('Import the same file again');
  await expect.poll(() => pointsShown(page)).toBe(200);
  await expect(page.getByTestId('csv-summary')).toHaveCount(0);
  // The experiment now says what it shows: generated data, at the surface's own start.
  await expect.poll(() => settledHash(page)).not.toContain('data=');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '1');
  expect(errors).toEqual([]);
});

test('a reload keeps the experiment but not the imported data, and says so', async ({ page }) => {
  const errors = captureErrors(page);
  await openRegression(page);
  await page.getByTestId('csv-import-open').click();
  await page.getByTestId('csv-paste').fill(HOUSES);
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-summary')).toBeVisible();
  await expect.poll(() => settledHash(page)).toContain('data=');
  // A bare visit restores the remembered experiment (here: from localStorage).
  await page.goto('/?engine=cpu&lang=en&autoplay=0');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toHaveAttribute('data-source', 'data');
  await expect(notice).toContainText('Your last experiment is restored, but not the data you imported');
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  await expect.poll(() => pointsShown(page)).toBe(200);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the import panel with an error has no serious accessibility violations (${theme})`, async ({ page }) => {
    await openApp(page, `engine=cpu&lang=en&theme=${theme}&autoplay=0`);
    await page.getByTestId('surface-option-linear_regression').click();
    await page.getByTestId('csv-import-open').click();
    await expect(page.getByTestId('csv-import-open')).toHaveAttribute('aria-expanded', 'true');
    await page.getByTestId('csv-paste').fill('x,y\n1,2\n1,abc');
    await page.getByTestId('csv-apply').click();
    await expect(page.getByTestId('csv-error')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="data-source"]').analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
    // Escape closes the panel and gives focus back to the button that opened it.
    await page.getByTestId('csv-paste').press('Escape');
    await expect(page.getByTestId('csv-import')).toHaveCount(0);
    await expect(page.getByTestId('csv-import-open')).toBeFocused();
  });
}
