import { expect, test } from '@playwright/test';
import { captureErrors, currentStep, openApp, settledStep, waitForStep } from './fixtures';

test('opens on Rosenbrock with optimizers racing, no console errors', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page);
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'rosenbrock');
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(4);
  for (const id of ['gd', 'momentum_ema', 'adam']) await expect(page.locator(`[data-testid=run-row][data-optimizer=${id}]`)).toHaveCount(1);
  // Already playing: the counter moves on its own.
  await expect(page.getByTestId('pause')).toBeVisible();
  await waitForStep(page, 50);
  await expect(page.getByTestId('chart-loss')).toBeVisible();
  // Pause, step once, reset.
  await page.getByTestId('pause').click();
  const paused = await settledStep(page);
  await page.getByTestId('step').click();
  await expect.poll(() => currentStep(page)).toBe(paused + 1);
  await page.getByTestId('reset').click();
  await expect.poll(() => currentStep(page)).toBe(0);
  await page.getByTestId('play').click();
  await waitForStep(page, 10);
  await page.screenshot({ path: 'test-results/first-page.png' });
  expect(errors).toEqual([]);
});

test('starts paused when the user prefers reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.getByTestId('run-row')).toHaveCount(4);
  expect(await settledStep(page)).toBe(0);
});
