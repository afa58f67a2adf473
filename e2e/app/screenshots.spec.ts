/**
 * Screenshots of the main view used by the README (docs/screenshots), refreshed on every run:
 * desktop (1920×1080), desktop dark, Simplified Chinese, a race of 16 runs (runs-16.png), and phone
 * (390 px wide, in phone.spec).
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

/** Lets the race run a while so the picture tells its story, then freezes it. */
async function raceThenPause(page: Page, steps = 900): Promise<void> {
  await page.getByTestId('speed').selectOption('20');
  await waitForStep(page, steps, 60_000);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('desktop, light', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&theme=light');
  await raceThenPause(page);
  await page.screenshot({ path: 'docs/screenshots/desktop.png' });
  expect(errors).toEqual([]);
});

test('desktop, dark', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await raceThenPause(page);
  await page.screenshot({ path: 'docs/screenshots/desktop-dark.png' });
});

test('desktop, Simplified Chinese', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=zh-CN&theme=light');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await raceThenPause(page);
  await page.screenshot({ path: 'docs/screenshots/zh.png' });
});

test('desktop, a race of 16 runs', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  // Every other optimizer once, then four more Adam runs ("Adam 2" to "Adam 5") at other
  // learning rates: sixteen distinct trajectories, colours and names.
  for (const id of ['sgd', 'adagrad', 'adadelta', 'adamw', 'adamax', 'nadam', 'radam', 'lion', 'adam', 'adam', 'adam', 'adam']) {
    await page.getByTestId('add-optimizer-select').selectOption(id);
    await page.getByTestId('add-optimizer').click();
  }
  await expect(page.getByTestId('legend-item')).toHaveCount(16);
  const rows = page.getByTestId('run-row');
  for (const [k, lr] of [[12, '0.05'], [13, '0.1'], [14, '0.005'], [15, '0.2']] as const) {
    const row = rows.nth(k);
    await row.getByTestId('run-expand').click();
    await row.getByTestId('lr-input').fill(lr);
    await row.getByTestId('lr-input').press('Enter');
    await row.getByTestId('run-expand').click();
  }
  await page.getByTestId('play').click();
  await raceThenPause(page, 600);
  await page.screenshot({ path: 'docs/screenshots/runs-16.png' });
  expect(errors).toEqual([]);
});

test('theme switch toggles light and dark', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  await page.getByTestId('theme-switch').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByTestId('theme-switch').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(bg);
});
