import { expect, test } from '@playwright/test';
import { captureErrors, currentStep, openApp } from './fixtures';

test('add, duplicate, rename, hide and remove optimizers', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page);
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(4);

  await page.getByTestId('add-optimizer-select').selectOption('lion');
  await page.getByTestId('add-optimizer').click();
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(4)).toHaveAttribute('data-optimizer', 'lion');
  await expect(page.getByTestId('legend-item')).toHaveCount(5);

  await rows.nth(1).getByTestId('run-duplicate').click();
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(2)).toHaveAttribute('data-optimizer', 'momentum_ema');
  await expect(rows.nth(2).getByTestId('run-name')).toHaveValue(/Momentum.*copy/);

  await rows.nth(2).getByTestId('run-name').fill('Heavy ball');
  await expect(page.getByTestId('legend-item').nth(2)).toContainText('Heavy ball');

  await rows.nth(2).getByTestId('run-hide').click();
  await expect(rows.nth(2)).toHaveClass(/run-row--hidden/);

  await rows.nth(0).getByTestId('run-remove').click();
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toHaveAttribute('data-optimizer', 'momentum_ema');
  expect(errors).toEqual([]);
});

test('learning rate by slider and by typing; invalid entries are refused with a message', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const row = page.locator('[data-testid=run-row][data-optimizer=adam]');
  const input = row.getByTestId('lr-input');
  if (!(await input.isVisible())) await row.getByTestId('run-expand').click();
  await expect(input).toHaveValue('0.02');

  // Slider: keyboard moves it one notch on the log scale.
  const slider = row.getByTestId('lr-slider');
  await slider.focus();
  await slider.press('ArrowRight');
  await expect(input).not.toHaveValue('0.02');
  const fromSlider = Number(await input.inputValue());
  expect(fromSlider).toBeGreaterThan(0.02);
  expect(fromSlider).toBeLessThan(0.022);

  // Typing an exact value.
  await input.fill('0.005');
  await input.press('Enter');
  await expect(input).toHaveValue('0.005');
  await expect(page.getByTestId('explain-rule')).toBeVisible();

  // Out of range: refused, never clamped.
  await input.fill('50');
  await input.press('Enter');
  await expect(row.getByTestId('hyper-error')).toContainText('outside the allowed range');
  await input.fill('abc');
  await input.press('Enter');
  await expect(row.getByTestId('hyper-error')).toContainText('Not a number');
  await input.press('Escape');
  await expect(input).toHaveValue('0.005');
  await expect(row.getByTestId('hyper-error')).toHaveCount(0);
});

test('the explain panel shows the selected run with the current values substituted', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const row = page.locator('[data-testid=run-row][data-optimizer=momentum_ema]');
  await row.getByTestId('run-select').click();
  await expect(page.getByTestId('explain')).toContainText('Momentum');
  await expect(page.getByTestId('explain-rule')).toContainText('0.01');
  await expect(page.getByTestId('explain')).toContainText('α(1 − β) = 0.001');
});

test('a hyperparameter change restarts that run from the start point, or continues it when asked', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const row = page.locator('[data-testid=run-row][data-optimizer=adam]');
  const input = row.getByTestId('lr-input');
  if (!(await input.isVisible())) await row.getByTestId('run-expand').click();
  for (let i = 0; i < 5; i++) await page.getByTestId('step').click();
  await expect.poll(() => currentStep(page)).toBe(5);

  // Default: that run restarts from the start point, and the notice says so; the race goes on.
  await input.fill('0.01');
  await input.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Run Adam restarted from the start point');
  expect(await currentStep(page)).toBe(5);

  // Continue: the run keeps its place and continues with the new value.
  await page.getByTestId('hyper-mode').getByLabel('That run continues with the new value').check();
  for (let i = 0; i < 7; i++) await page.getByTestId('step').click();
  await expect.poll(() => currentStep(page)).toBe(12);
  await input.fill('0.03');
  await input.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Run Adam continues with the new value');
  expect(await currentStep(page)).toBe(12);
});
