/**
 * A classroom projector (1920×1080): fluid type (body text ≥ 16 px), axis titles inside their
 * charts in both languages, tick labels that never overlap however far the map is zoomed out,
 * and a double-click that does one thing only (it places the start; it does not zoom).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

test.use({ viewport: { width: 1920, height: 1080 } });

const CHARTS = ['chart-loss', 'chart-grad', 'chart-dist'] as const;

/** Pixel boxes of the visible tick labels of an axis group. */
async function tickBoxes(axis: Locator) {
  return axis.locator('.tick text').evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
  );
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectNoOverlap(boxes: Box[]): void {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlap(boxes[i], boxes[j]), `tick labels ${i} and ${j} overlap`).toBe(false);
}

/** Each chart's axis titles lie inside the chart's svg, and returns their texts. */
async function expectTitlesInside(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const id of CHARTS) {
    const chart = page.getByTestId(id);
    const svg = await chart.locator('svg').first().boundingBox();
    expect(svg).not.toBeNull();
    for (const axis of ['axis-title-x', 'axis-title-y']) {
      const title = chart.getByTestId(axis);
      const b = await title.boundingBox();
      expect(b, `${id} ${axis}`).not.toBeNull();
      if (!b || !svg) continue;
      expect(b.width).toBeGreaterThan(10);
      expect(b.x, `${id} ${axis} left`).toBeGreaterThanOrEqual(svg.x - 0.5);
      expect(b.y, `${id} ${axis} top`).toBeGreaterThanOrEqual(svg.y - 0.5);
      expect(b.x + b.width, `${id} ${axis} right`).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
      expect(b.y + b.height, `${id} ${axis} bottom`).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
      texts.push(
        await title.evaluate((e) =>
          Array.from(e.querySelectorAll('tspan'), (t) => t.textContent).join(' '),
        ),
      );
    }
  }
  return texts;
}

test('body text is at least 16 px and axis titles fit, in English', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&theme=light');
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(body).toBeGreaterThanOrEqual(16);
  // Plot text follows the type scale too (it was a fixed 11 px).
  const tick = await page
    .getByTestId('surface-view')
    .locator('.gs-axis-x .tick text')
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(tick).toBeGreaterThanOrEqual(13);
  // A race well under way: the picture for docs/screenshots/projector-1920.png.
  await page.getByTestId('speed').selectOption('20');
  await waitForStep(page, 900, 60_000);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const titles = await expectTitlesInside(page);
  // At this size every title reads in full (wrapped, not shortened).
  expect(titles).toContain('Distance to nearest minimum');
  expect(titles.join(' ')).not.toContain('…');
  await page.screenshot({ path: 'docs/screenshots/projector-1920.png' });
  expect(errors).toEqual([]);
});

test('type stays comfortable at 1366 px and on a phone', async ({ page }) => {
  const size = async () =>
    page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  expect(await size()).toBeGreaterThanOrEqual(14.5);
  expect(await size()).toBeLessThanOrEqual(16);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await size()).toBeGreaterThanOrEqual(14.5);
  expect(await size()).toBeLessThanOrEqual(16);
});

test('axis titles fit in Chinese', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=zh-CN&theme=light');
  await waitForStep(page, 50);
  const titles = await expectTitlesInside(page);
  expect(titles.join('')).toContain('距离');
});

test('zoomed far out, the surface tick labels do not overlap', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  const view = page.getByTestId('surface-view');
  const box = await view.boundingBox();
  if (!box) throw new Error('no surface view');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.45);
  const span = async () => {
    const v = JSON.parse((await view.getAttribute('data-view')) ?? '{}') as { x: number[] };
    return v.x[1] - v.x[0];
  };
  const before = await span();
  for (let i = 0; i < 60 && (await span()) < 1e13; i++) await page.mouse.wheel(0, 1500);
  await expect.poll(span).toBeGreaterThan(1e9 * before);
  const xs = await tickBoxes(view.locator('.gs-axis-x'));
  const ys = await tickBoxes(view.locator('.gs-axis-y'));
  expect(xs.length).toBeGreaterThanOrEqual(2);
  expect(ys.length).toBeGreaterThanOrEqual(2);
  expectNoOverlap(xs);
  expectNoOverlap(ys);
  // Y labels stay right of the y title and inside the view.
  const yTitle = await view.locator('svg > text').nth(1).boundingBox();
  for (const b of ys) {
    expect(b.left).toBeGreaterThanOrEqual(box.x);
    if (yTitle) expect(b.left).toBeGreaterThanOrEqual(yTitle.x + yTitle.width);
  }
});

test('double-click places the start and does not zoom', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  const view = page.getByTestId('surface-view');
  const before = await view.getAttribute('data-view');
  const area = await view.locator('.gs-plotarea > rect').first().boundingBox();
  if (!area) throw new Error('no plot area');
  // A quarter in from the left and the top: data x = −1, y = 2 on Rosenbrock's window.
  const v = JSON.parse(before ?? '{}') as { x: [number, number]; y: [number, number] };
  await page.mouse.dblclick(area.x + area.width * 0.25, area.y + area.height * 0.25);
  const start = page.getByTestId('surface-start');
  const wantX = v.x[0] + 0.25 * (v.x[1] - v.x[0]);
  const wantY = v.y[1] - 0.25 * (v.y[1] - v.y[0]);
  await expect
    .poll(async () => Math.abs(Number(await start.getAttribute('data-x')) - wantX))
    .toBeLessThan(0.02 * (v.x[1] - v.x[0]));
  expect(Math.abs(Number(await start.getAttribute('data-y')) - wantY)).toBeLessThan(
    0.02 * (v.y[1] - v.y[0]),
  );
  // Give a zoom transition time to land, then the window must be the same.
  await page.waitForTimeout(500);
  expect(await view.getAttribute('data-view')).toBe(before);
});
