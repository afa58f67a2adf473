/**
 * Ensembles and the compute axis in the built app: one SGD run repeated with 64 sampling seeds
 * shows its mean loss in a 10–90 % band and 64 iterates on the map; the loss chart's x axis
 * switches to gradient evaluations and epochs, where a full-batch run's curve ends n times
 * further right than an SGD run's; the seeds travel in the link.
 */
import { expect, test } from '@playwright/test';
import { captureErrors, openApp, settledStep, waitForStep } from './fixtures';

test('an SGD ensemble of 64 seeds: band on the loss chart, cloud on the map, seeds in the link', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=linear_regression(n=100)&steps=300&runs=gd(lr=0.05,batch=(size=1,seeds=64));gd(lr=0.05)');
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  const row = page.getByTestId('run-row').first();
  if (!(await row.getByTestId('batch-seeds-input').isVisible())) await row.getByTestId('run-expand').click();
  await expect(row.getByTestId('batch-seeds-input')).toHaveValue('64');
  await expect(row.getByTestId('seeds-hint')).toContainText('64 copies');

  await page.getByTestId('play').click();
  await waitForStep(page, 60);
  await page.getByTestId('pause').click({ timeout: 5_000 }).catch(() => undefined);
  await settledStep(page);

  // One band (the ensemble run's), drawn as a filled area with a non-trivial height.
  const band = page.getByTestId('chart-loss').getByTestId('chart-band');
  await expect(band).toHaveCount(1);
  const box = await band.boundingBox();
  expect(box!.height).toBeGreaterThan(4);
  // The cloud: all 64 members are drawn (none diverged at this rate).
  await expect(page.getByTestId('surface-cloud')).toHaveAttribute('data-dots', '64');
  // The legend of the loss chart names the mean.
  await page.getByTestId('chart-loss').hover();
  await expect(page.getByTestId('chart-loss').getByTestId('chart-tooltip')).toContainText('mean of 64 seeds');

  // Fewer seeds: the cloud follows the setting, and the link carries it.
  await row.getByTestId('batch-seeds-input').fill('8');
  await row.getByTestId('batch-seeds-input').press('Enter');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('seeds=8');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('surface-cloud')).toHaveAttribute('data-dots', '8');
  expect(errors).toEqual([]);
});

test('the loss chart against gradient evaluations and epochs', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0#v=1&f=linear_regression(n=100)&steps=200&runs=gd(lr=0.05,batch=(size=1));gd(lr=0.05)');
  // Surfaces have no compute axis.
  await expect(page.getByTestId('chart-axis')).toBeVisible();
  await page.getByTestId('play').click();
  await waitForStep(page, 200);
  await settledStep(page);
  const chart = page.getByTestId('chart-loss');
  const right = async (i: number) => {
    const b = await chart.locator('path[data-series]').nth(i).boundingBox();
    return b!.x + b!.width;
  };
  // Steps: both curves span the same 200 steps.
  expect(Math.abs((await right(0)) - (await right(1)))).toBeLessThan(3);
  await page.getByTestId('chart-axis-evals').click();
  await expect(page.getByTestId('chart-axis-evals')).toHaveAttribute('aria-pressed', 'true');
  await expect(chart.getByTestId('axis-title-x')).toContainText('gradient evaluations');
  // Evaluations: SGD spent 200, the full batch 200 × 100 = 20,000; SGD's curve ends near 1 %.
  const sgdEnd = await right(0);
  const fullEnd = await right(1);
  const plot = await chart.locator('path[data-series]').nth(1).boundingBox();
  expect(sgdEnd - plot!.x).toBeLessThan(0.05 * (fullEnd - plot!.x));
  await page.getByTestId('chart-axis-epochs').click();
  await expect(chart.getByTestId('axis-title-x')).toContainText('Epochs');
  await chart.hover();
  await expect(chart.getByTestId('chart-tooltip')).toContainText('Epochs');
  // On a surface the switch is gone and the axis is steps again.
  await page.getByTestId('surface-option-rosenbrock').click();
  await expect(page.getByTestId('chart-axis')).toHaveCount(0);
  await expect(chart.getByTestId('axis-title-x')).toContainText('Step');
  expect(errors).toEqual([]);
});
