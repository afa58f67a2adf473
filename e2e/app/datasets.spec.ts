/**
 * Training on data in the built app: a linear regression race; switching a run between the
 * full batch, a mini-batch and one sample (SGD) changes its trajectory (exported CSV); SAG and
 * SVRG are offered on data and say what SAG's table costs; the data settings travel in the link.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../src/ui/export/csv';
import { captureErrors, openApp, settledStep, waitForStep } from './fixtures';

/** The first run's exported trajectory up to `maxStep`, as "step,x,y" rows. */
async function firstRun(page: Page, maxStep: number): Promise<string[]> {
  await page.getByTestId('export-menu').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-trajectories').click()]);
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  const [run, step, x, y] = ['run', 'step', 'x', 'y'].map((k) => rows[0].indexOf(k));
  return rows.slice(1).filter((r) => r[run] === rows[1][run] && Number(r[step]) <= maxStep).map((r) => [r[step], r[x], r[y]].join(','));
}

async function playTo(page: Page, steps: number): Promise<number> {
  await page.getByTestId('play').click();
  await waitForStep(page, steps);
  await page.getByTestId('pause').click({ timeout: 5_000 }).catch(() => undefined);
  return settledStep(page);
}

test('full batch, mini-batch and SGD walk different paths on a linear regression; SAG shows its memory', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('surface-option-linear_regression').click();
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  await expect(page.getByTestId('surface-formula')).toContainText('ℓ');
  await expect(page.getByTestId('param-n-input')).toHaveValue('200');

  // The data view: the samples and every run's current line, moving as the race steps.
  await expect(page.getByTestId('data-view')).toBeVisible();
  const fit = page.getByTestId('data-fit').first();
  const before = await fit.getAttribute('y1');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect.poll(() => fit.getAttribute('y1')).not.toBe(before);
  await page.getByTestId('reset').click();

  const row = page.getByTestId('run-row').first();
  if (!(await row.getByTestId('batch-regime').isVisible())) await row.getByTestId('run-expand').click();
  const regime = row.getByTestId('batch-regime');
  await expect(regime).toHaveValue('full');

  const paths: string[][] = [];
  for (const r of ['full', 'mini', 'sgd'] as const) {
    await regime.selectOption(r);
    await expect(page.getByTestId('step-counter')).toHaveAttribute('data-step', '0');
    const s = await playTo(page, 20);
    paths.push(await firstRun(page, Math.min(s, 20)));
    await page.getByTestId('reset').click();
  }
  expect(paths.map((p) => p.length)).toEqual([21, 21, 21]);
  // The same start, then three different walks.
  expect(new Set(paths.map((p) => p[0])).size).toBe(1);
  expect(new Set(paths.map((p) => p[20])).size).toBe(3);
  // The link carries the regime: SGD is batch size 1.
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('batch=(size=1)');

  // SAG and SVRG are offered on data; SAG says how much memory its table takes.
  await page.getByTestId('add-optimizer-select').selectOption('sag');
  await page.getByTestId('add-optimizer').click();
  const sag = page.locator('[data-testid="run-row"][data-optimizer="sag"]');
  if (!(await sag.getByTestId('sag-memory').isVisible())) await sag.getByTestId('run-expand').click();
  await expect(sag.getByTestId('sag-memory')).toContainText('200 samples: 3.1 KB');
  expect(errors).toEqual([]);
});

test('SAG and SVRG are not offered on a surface; a bad data setting in a link is named in the notice', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('data-view')).toHaveCount(0);
  const options = await page.getByTestId('add-optimizer-select').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(options).not.toContain('sag');
  expect(options).not.toContain('svrg');
  await page.goto('/?engine=cpu&lang=en#v=1&f=logistic_regression(n=5,overlap=0.3)&runs=sgd(batch=(size=-1));svrg');
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'logistic_regression');
  await expect(page.getByTestId('link-notice')).toContainText('objective.params.n');
  await expect(page.getByTestId('link-notice')).toContainText('runs[0].batch.size');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await page.getByTestId('play').click();
  await waitForStep(page, 5);
  expect(errors).toEqual([]);
});
