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

/** A one-finger upward swipe over the middle of `target`, as real touch events (CDP). */
async function oneFingerSwipeUp(page: import('@playwright/test').Page, target: import('@playwright/test').Locator) {
  const b = await target.boundingBox();
  if (!b) throw new Error('no target');
  const cdp = await page.context().newCDPSession(page);
  const x = b.x + b.width / 2;
  const y0 = b.y + b.height * 0.7;
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await send('touchStart', y0);
  for (let i = 1; i <= 12; i++) await send('touchMove', y0 - i * 20);
  await send('touchEnd', y0 - 240);
  await cdp.detach();
}

/** Visible interactive elements under 24 × 24 CSS px (WCAG 2.2 target size), as "testid w×h". */
async function smallTargets(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, textarea, a[href], [role="button"]'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        const cs = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !e.closest('.sr-only, [inert]');
      })
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width < 24 - 0.01 || r.height < 24 - 0.01;
      })
      .map((e) => {
        const r = e.getBoundingClientRect();
        const id = (e as HTMLElement).dataset.testid ?? `${e.tagName.toLowerCase()}.${e.className}`;
        return `${id} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`;
      }),
  );
}

test('390 px: the title reads in full, help and engine stay usable, targets ≥ 24 px, one finger scrolls', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&theme=light');
  // The title is not cut: inside the viewport and not overflowing its own box.
  const title = page.getByTestId('app-title');
  await expect(title).toBeInViewport({ ratio: 1 });
  const clip = await title.evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(clip).toBeLessThanOrEqual(0);
  const tb = await title.boundingBox();
  expect(tb && tb.x + tb.width).toBeLessThanOrEqual(390);

  // Help and the engine choice are on screen and work.
  for (const id of ['help-button', 'engine-select', 'lang-switch', 'theme-switch', 'drawer-toggle'])
    await expect(page.getByTestId(id), id).toBeInViewport();
  // The header's controls take two rows, not three: title row, then the engine row.
  const rows = await page.locator('.topbar button:visible, .topbar select:visible').evaluateAll((els) => {
    const centres = els.map((e) => e.getBoundingClientRect()).map((r) => r.top + r.height / 2).sort((a, b) => a - b);
    return centres.filter((c, i) => i === 0 || c - centres[i - 1] > 12).length;
  });
  expect(rows).toBeLessThanOrEqual(2);
  await page.getByTestId('engine-select').selectOption('cpu');
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'cpu');
  await page.getByTestId('help-button').tap();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.getByTestId('help-close').tap();
  await expect(page.getByTestId('help-overlay')).toBeHidden();

  // Swiping over the map scrolls the page (pinch and two-finger pan still zoom).
  const map = page.getByTestId('surface-view');
  const touch = await map.evaluate((e) => getComputedStyle(e).touchAction);
  expect(touch).toBe('pan-y');
  await oneFingerSwipeUp(page, map);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
  expect(await map.getAttribute('data-view')).toBe('{"x":[-2,2],"y":[-1,3]}');
  await page.evaluate(() => window.scrollTo(0, 0));

  await waitForStep(page, 300, 60_000);
  await page.getByTestId('pause').tap();
  await expect(page.getByTestId('play')).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: 'docs/screenshots/phone-390.png' });
  // The drawer's controls too.
  await page.getByTestId('drawer-toggle').tap();
  await expect(page.getByTestId('control-panel')).toBeInViewport();
  await page.waitForTimeout(300);
  expect(await smallTargets(page)).toEqual([]);
  expect(errors).toEqual([]);
});
