/**
 * The legend's statuses say what happened (issue "Make the race trustworthy"): a vanished
 * gradient at a local minimum is "stalled", a runaway loss on the saddle is "diverged" with its
 * reason, and the default race on Goldstein–Price no longer diverges at step 2.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStep } from './fixtures';

const legend = (page: import('@playwright/test').Page, i: number) => page.getByTestId('legend-item').nth(i).getByTestId('legend-status');

test("Rastrigin: gradient descent stalls at a local minimum (loss 17.9) instead of 'converged'", async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en');
  await page.getByTestId('surface-option-rastrigin').click();
  const gd = legend(page, 0);
  await expect(gd).toHaveAttribute('data-status', 'stalled', { timeout: 30_000 });
  await expect(gd).toHaveText(/^stalled at a stationary point at step \d+$/);
  await expect(gd).toHaveAttribute('title', /not at a known global minimum/);
  await expect(page.getByTestId('legend-item').first().getByTestId('run-loss')).toContainText('17.9');
});

test('the saddle: the momentum run whose loss runs away is diverged, with the reason', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en');
  await page.getByTestId('surface-option-saddle').click();
  // Top speed, so the ~900 steps pass quickly.
  for (let i = 0; i < 12; i++) await page.keyboard.press('+');
  await expect(legend(page, 1)).toHaveText(/^diverged at step \d+ \(loss fell without bound\)$/, { timeout: 60_000 });
});

test('Goldstein–Price: the default race moves and does not diverge', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en');
  await page.getByTestId('surface-option-goldstein_price').click();
  await waitForStep(page, 60);
  for (let i = 0; i < 4; i++) await expect(legend(page, i)).not.toHaveAttribute('data-status', 'diverged');
});

test('in Chinese the stalled status is translated', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=zh-CN');
  await page.getByTestId('surface-option-rastrigin').click();
  await expect(legend(page, 0)).toHaveText(/^在第 \d+ 步停滞于驻点$/, { timeout: 30_000 });
});
