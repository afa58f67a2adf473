/**
 * Classroom modes on the built app: presentation mode at projector size (large type, only the
 * race, controls in a drawer, travels in the link) and embed mode for an iframe.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

/** Font sizes (px) of every visible element that holds text directly, outside dialogs. */
async function textSizes(page: Page): Promise<{ size: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { size: number; text: string }[] = [];
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
      if (el.closest('.sr-only, [aria-hidden="true"], .panel, script, style')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      out.push({ size: parseFloat(cs.fontSize), text: (el.textContent ?? '').trim().slice(0, 40) });
    }
    return out;
  });
}

test.describe('at projector size', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('presentation mode: every text at least 20 px, only the race, controls in a drawer', async ({ page }) => {
    const errors = captureErrors(page);
    await openApp(page);
    await waitForStep(page, 2);
    const before = await textSizes(page);
    expect(Math.min(...before.map((t) => t.size))).toBeLessThan(20); // the normal UI is denser
    await page.getByTestId('present-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
    await expect(page.getByTestId('present-toggle')).toHaveAttribute('aria-pressed', 'true');
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(body).toBeGreaterThanOrEqual(20);
    // Plots redraw with the larger type too.
    await expect.poll(async () => {
      const small = (await textSizes(page)).filter((t) => t.size < 20);
      return small.map((t) => `${t.text} ${t.size}px`);
    }).toEqual([]);
    await expect(page.getByTestId('control-panel')).toBeHidden();
    await expect(page.getByTestId('explain')).toBeHidden();
    await expect(page.getByTestId('surface-view')).toBeVisible();
    const view = (await page.getByTestId('surface-view').boundingBox())!;
    expect(view.width).toBeGreaterThan(1000);
    // The run names are not cut short in the legend, and the zoom hint clears the colour bar.
    const clipped = await page.locator('.legend-item__name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    const hint = (await page.locator('.surface-panel__hint').boundingBox())!;
    const bar = await page.locator('.gs-colorbar').evaluate((g) => g.getBoundingClientRect().left);
    expect(hint.x + hint.width).toBeLessThanOrEqual(bar);
    // The controls are one click away, in a drawer.
    await page.getByTestId('drawer-toggle').click();
    await expect(page.getByTestId('surface-option-beale')).toBeVisible();
    await page.getByTestId('surface-option-beale').click();
    await page.getByTestId('drawer-close').click();
    await expect(page.getByTestId('surface-option-beale')).toBeHidden();
    // The mode travels in the link.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('present=1');
    await page.screenshot({ path: 'docs/screenshots/presentation-1920.png' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
    await page.getByTestId('present-toggle').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
    await expect(page.getByTestId('control-panel')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test('embed mode: only the race and a link to the full app', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 960, height: 600 });
  await page.goto('/?engine=cpu#v=1&f=himmelblau&runs=adam(lr=0.05);sgd(lr=0.01,momentum=0.9)&embed=1&lang=en');
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.getByTestId('embed-bar')).toBeVisible();
  await expect(page.getByTestId('app-title')).toBeHidden();
  await expect(page.getByTestId('control-panel')).toBeHidden();
  await expect(page.getByTestId('explain')).toBeHidden();
  await waitForStep(page, 3);
  const open = await page.getByTestId('embed-open').getAttribute('href');
  expect(open).toContain('f=himmelblau');
  expect(open).not.toContain('embed=1');
  await page.screenshot({ path: 'docs/screenshots/embed.png' });
  // The embed shares the site's storage: the reader's own next visit is the full app, with
  // their own (here: the default) experiment, not the embed's.
  await page.waitForTimeout(400); // past the link writer's quarter-second throttle
  await page.goto('/?engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('control-panel')).toBeVisible();
  await expect(page.getByTestId('embed-bar')).toHaveCount(0);
  await expect(page.getByTestId('surface-option-rosenbrock')).toHaveAttribute('aria-checked', 'true');
  expect(errors).toEqual([]);
});
