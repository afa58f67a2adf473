/**
 * The plot factories in real Chromium (no WebGPU needed): they mount without console errors,
 * paint a non-uniform heatmap with contours, map clicks and wheel zoom to data coordinates,
 * show a tooltip listing every run, and look right (screenshot: test-results/plots.png).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

let page: Page;
const errors: string[] = [];

test.beforeAll(async ({ browser }) => {
  // A context (not browser.newPage) so @axe-core/playwright can open its own frames.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/e2e/gpu/plots.html');
  await page.waitForFunction(() => window.plotsHarness?.ready === true);
  // Two animation frames: the factories render on requestAnimationFrame.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
});

test.afterAll(async () => {
  await page.context().close();
});

const surface = () => page.getByTestId('surface-view').first();
const plotArea = async () => {
  const box = await surface().locator('svg g.gs-plotarea > rect').first().boundingBox();
  if (!box) throw new Error('plot area not found');
  return box;
};

test('mounts with accessible roles, testids and no console errors', async () => {
  await expect(page.getByTestId('surface-view')).toHaveCount(2);
  await expect(surface().locator('svg[role="img"]')).toHaveAttribute('aria-label', /Loss surface/);
  await expect(surface()).toHaveAttribute('tabindex', '0');
  await expect(surface().getByTestId('surface-start')).toHaveCount(1);
  await expect(surface().getByTestId('surface-minimum')).toHaveCount(1);
  await expect(page.getByTestId('surface-view').nth(1).getByTestId('surface-minimum')).toHaveCount(
    6,
  );
  await expect(page.getByTestId('loss-chart').locator('path[data-series]')).toHaveCount(5);
  await expect(page.getByTestId('loss-chart').getByTestId('chart-diverged')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the heatmap has non-uniform pixels and contour paths exist', async () => {
  const stats = await surface()
    .getByTestId('surface-heatmap')
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97)
        seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return { distinct: seen.size, w: c.width, h: c.height, alpha: d[3] };
    });
  expect(stats.w).toBeGreaterThan(300);
  expect(stats.alpha).toBe(255);
  expect(stats.distinct).toBeGreaterThan(50);
  const contours = await surface().locator('path.gs-contour').count();
  expect(contours).toBeGreaterThan(5);
  const d = await surface().locator('path.gs-contour').first().getAttribute('d');
  expect(d).toMatch(/^M[\d.-]+,[\d.-]+L/);
});

test('a click on the plot moves the start to the clicked data point', async () => {
  const box = await plotArea();
  const view = await page.evaluate(() => window.plotsHarness.view());
  const fx = 0.3;
  const fy = 0.65;
  await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
  const starts = await page.evaluate(() => window.plotsHarness.events.starts);
  expect(starts.length).toBe(1);
  const [x, y] = starts[0];
  const ex = view.x[0] + fx * (view.x[1] - view.x[0]);
  const ey = view.y[1] - fy * (view.y[1] - view.y[0]);
  const pxW = (view.x[1] - view.x[0]) / box.width;
  const pxH = (view.y[1] - view.y[0]) / box.height;
  expect(Math.abs(x - ex)).toBeLessThanOrEqual(pxW);
  expect(Math.abs(y - ey)).toBeLessThanOrEqual(pxH);
  // The handle followed.
  await expect(surface().getByTestId('surface-start')).toHaveAttribute('data-x', String(x));
});

test('a pan-drag does not move the start', async () => {
  const box = await plotArea();
  const before = await page.evaluate(() => window.plotsHarness.events.starts.length);
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 240, box.y + 230, { steps: 5 });
  await page.mouse.up();
  const after = await page.evaluate(() => ({
    n: window.plotsHarness.events.starts.length,
    views: window.plotsHarness.events.views.length,
  }));
  expect(after.n).toBe(before);
  expect(after.views).toBeGreaterThan(0);
});

test('dragging the start handle moves the start, not the view', async () => {
  const handle = await surface().getByTestId('surface-start').locator('circle.dot').boundingBox();
  if (!handle) throw new Error('start handle not found');
  const box = await plotArea();
  const view = await page.evaluate(() => window.plotsHarness.view());
  const views = await page.evaluate(() => window.plotsHarness.events.views.length);
  const cx = handle.x + handle.width / 2;
  const cy = handle.y + handle.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 60, cy + 40, { steps: 6 });
  await page.mouse.up();
  const ev = await page.evaluate(() => window.plotsHarness.events);
  expect(ev.views.length).toBe(views);
  const [x, y] = ev.starts[ev.starts.length - 1];
  const ex = view.x[0] + ((cx + 60 - box.x) / box.width) * (view.x[1] - view.x[0]);
  const ey = view.y[1] - ((cy + 40 - box.y) / box.height) * (view.y[1] - view.y[0]);
  expect(Math.abs(x - ex)).toBeLessThanOrEqual((2 * (view.x[1] - view.x[0])) / box.width);
  expect(Math.abs(y - ey)).toBeLessThanOrEqual((2 * (view.y[1] - view.y[0])) / box.height);
});

test('arrow keys nudge the start by 1% of the view', async () => {
  const view = await page.evaluate(() => window.plotsHarness.view());
  await surface().focus();
  const n = await page.evaluate(() => window.plotsHarness.events.starts.length);
  await page.keyboard.press('ArrowRight');
  const starts = await page.evaluate(() => window.plotsHarness.events.starts);
  expect(starts.length).toBe(n + 1);
  const [a, b] = [starts[n - 1], starts[n]];
  expect(b[0] - a[0]).toBeCloseTo(0.01 * (view.x[1] - view.x[0]), 9);
  expect(b[1]).toBe(a[1]);
});

test('wheel zoom changes the view through onViewChange', async () => {
  const box = await plotArea();
  const before = await page.evaluate(() => window.plotsHarness.view());
  const n = await page.evaluate(() => window.plotsHarness.events.views.length);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect
    .poll(() => page.evaluate(() => window.plotsHarness.events.views.length))
    .toBeGreaterThan(n);
  const after = await page.evaluate(() => window.plotsHarness.view());
  // Zoomed in: a narrower window, still containing the point under the pointer.
  expect(after.x[1] - after.x[0]).toBeLessThan(before.x[1] - before.x[0]);
  expect(after.y[1] - after.y[0]).toBeLessThan(before.y[1] - before.y[0]);
  const cx = (before.x[0] + before.x[1]) / 2;
  expect(after.x[0]).toBeLessThan(cx);
  expect(after.x[1]).toBeGreaterThan(cx);
  await page.waitForTimeout(300);
  // Zoom back out so the screenshot shows the default window.
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(300);
});

test('the chart tooltip lists every run on hover', async () => {
  const chart = page.getByTestId('loss-chart');
  const box = await chart.locator('svg').boundingBox();
  if (!box) throw new Error('chart not found');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const tip = chart.getByTestId('chart-tooltip');
  await expect(tip).toBeVisible();
  const labels = await page.evaluate(() => window.plotsHarness.runLabels);
  for (const l of labels) await expect(tip).toContainText(l);
  await expect(tip.locator('.gs-tt-row')).toHaveCount(labels.length);
});

test('re-renders at the element size when it is resized', async () => {
  const heat = surface().getByTestId('surface-heatmap');
  const before = await heat.evaluate((c: HTMLCanvasElement) => c.width);
  await page.evaluate(() => (document.getElementById('surface')!.style.width = '420px'));
  await expect.poll(() => heat.evaluate((c: HTMLCanvasElement) => c.width)).toBeLessThan(before);
  await page.evaluate(() => (document.getElementById('surface')!.style.width = ''));
  await expect.poll(() => heat.evaluate((c: HTMLCanvasElement) => c.width)).toBe(before);
});

test('no axe-core violations on the plots', async () => {
  const result = await new AxeBuilder({ page }).include('.card').analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('screenshot', async () => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.screenshot({ path: 'test-results/plots.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('10 runs × 10k points: appends and full redraws keep rendering (timings reported, not asserted)', async () => {
  const r = await page.evaluate(() => window.plotsHarness.stress(200));
  test.info().annotations.push({ type: 'frame-ms', description: JSON.stringify(r) });
  console.log('plots stress (ms per frame):', JSON.stringify(r));
  expect(r.points).toBe(100_000);
  expect(Number.isFinite(r.appendMean) && Number.isFinite(r.panMean)).toBe(true);
  expect(errors).toEqual([]);
});
