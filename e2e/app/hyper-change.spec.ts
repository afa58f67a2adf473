/**
 * Changing a hyperparameter mid-race: in 'restart' mode only the edited run goes back to the
 * start point (its loss curve starts again at its own step 0), in 'continue' mode every run
 * keeps its trajectory; the step counter never goes back, and a notice names the run.
 */
import { expect, test, type Page } from '@playwright/test';
import { currentStep, openApp, settledStep, waitForStep } from './fixtures';

/** Samples drawn per run in the loss chart, ascending. */
async function curveLengths(page: Page): Promise<number[]> {
  const lengths = await page.getByTestId('chart-loss').locator('path[data-series]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-length'))));
  return lengths.sort((a, b) => a - b);
}

async function raceThenPause(page: Page, min: number): Promise<number> {
  await page.getByTestId('play').click();
  await waitForStep(page, min);
  await page.getByTestId('pause').click();
  return settledStep(page);
}

async function setGdLr(page: Page, value: string): Promise<void> {
  const row = page.locator('[data-testid=run-row][data-optimizer=gd]');
  if (!(await row.getByTestId('lr-input').isVisible())) await row.getByTestId('run-expand').click();
  await row.getByTestId('lr-input').fill(value);
  await row.getByTestId('lr-input').press('Enter');
}

test("'restart': a learning-rate change mid-race restarts only that run", async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('hyper-mode')).toContainText('That run restarts from the start point');
  await expect(page.getByTestId('hyper-mode')).toContainText('That run continues with the new value');
  const s = await raceThenPause(page, 40);
  await expect.poll(() => curveLengths(page)).toEqual([s + 1, s + 1, s + 1, s + 1]);
  await setGdLr(page, '0.002');
  await expect(page.getByTestId('notice')).toHaveText(/^Run .+ restarted from the start point$/);
  await expect.poll(() => curveLengths(page)).toEqual([1, s + 1, s + 1, s + 1]);
  expect(await currentStep(page)).toBe(s);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => currentStep(page)).toBe(s + 1);
  await expect.poll(() => curveLengths(page)).toEqual([2, s + 2, s + 2, s + 2]);
});

test("'continue': a learning-rate change mid-race keeps every run where it is", async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('hyper-mode').getByRole('radio', { name: 'That run continues with the new value' }).check();
  const s = await raceThenPause(page, 40);
  await setGdLr(page, '0.002');
  await expect(page.getByTestId('notice')).toHaveText(/^Run .+ continues with the new value$/);
  expect(await currentStep(page)).toBe(s);
  await expect.poll(() => curveLengths(page)).toEqual([s + 1, s + 1, s + 1, s + 1]);
  await expect(page.getByTestId('legend-status').first()).not.toHaveText(/step 0/);
});
