import { expect, test } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('phone width: the controls live in a drawer and the race still works', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page);
  // Nothing overflows horizontally.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('surface-option-quadratic')).toBeHidden();
  await waitForStep(page, 300, 60_000);
  await page.getByTestId('pause').tap();
  await page.screenshot({ path: 'docs/screenshots/phone.png' });

  await page.getByTestId('drawer-toggle').tap();
  await expect(page.getByTestId('control-panel')).toBeInViewport();
  await page.getByTestId('surface-option-quadratic').tap();
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'quadratic');
  await page.getByTestId('drawer-close').tap();
  await expect(page.getByTestId('surface-option-quadratic')).toBeHidden();
  await page.getByTestId('play').tap();
  await waitForStep(page, 20);
  expect(errors).toEqual([]);
});
