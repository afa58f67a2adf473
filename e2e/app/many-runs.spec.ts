/**
 * Races of many runs (built app, 1920×1080, and 1280×800 for the map-size check): the surface map keeps its size with 1, 16 and the
 * cap of runs, the legend scrolls in its own strip below the map without overlapping it, names
 * of repeated optimizers are numbered, colours are distinct, and at the cap Add is disabled
 * with a plain-words explanation.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { captureErrors, openApp } from './fixtures';

/** MAX_RUNS of src/core/experiment.ts (the built app is driven from outside: no imports). */
const CAP = 64;

test.use({ viewport: { width: 1920, height: 1080 } });

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no bounding box (not visible?)');
  return b;
}

/** Adds runs of `optimizer` until the race has `n`. */
async function growTo(page: Page, n: number, optimizer = 'adam'): Promise<void> {
  await page.getByTestId('add-optimizer-select').selectOption(optimizer);
  const rows = page.getByTestId('run-row');
  for (let k = await rows.count(); k < n; k++) {
    await page.getByTestId('add-optimizer').click();
    await expect(rows).toHaveCount(k + 1);
  }
  await expect(page.getByTestId('legend-item')).toHaveCount(n);
}

// Wide (side column beside the map) and medium (charts below it) layouts.
for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the map keeps its size with 1, 16 and the cap of runs; the legend never overlaps it', async ({ page }) => {
      test.setTimeout(180_000);
      const errors = captureErrors(page);
      await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
      const map = page.getByTestId('surface-view');
      const legend = page.getByTestId('runs-legend');

      // One run: remove the default race's other three.
      while ((await page.getByTestId('run-row').count()) > 1) await page.getByTestId('run-remove').last().click();
      await expect(page.getByTestId('legend-item')).toHaveCount(1);
      const one = await box(map);
      expect(one.height).toBeGreaterThan(viewport.height * 0.45);

      for (const n of [1, 16, CAP]) {
        await growTo(page, n);
        const m = await box(map);
        const l = await box(legend);
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(m[k] - one[k]), `map ${k} with ${n} runs`).toBeLessThanOrEqual(2);
        // The legend lies below the map, inside the viewport, with its own scroll.
        expect(l.y, `legend top vs map bottom with ${n} runs`).toBeGreaterThanOrEqual(m.y + m.height - 1);
        expect(l.y + l.height).toBeLessThanOrEqual(viewport.height);
      }
      // The cap's legend scrolls in place: its last entry can be scrolled to and stays in the strip.
      const last = page.getByTestId('legend-item').last();
      await last.scrollIntoViewIfNeeded();
      const lb = await box(last);
      const strip = await box(legend);
      expect(lb.y).toBeGreaterThanOrEqual(strip.y - 1);
      expect(lb.y + lb.height).toBeLessThanOrEqual(strip.y + strip.height + 1);
      expect(strip.height).toBeLessThan(200);
      expect(Math.abs((await box(map)).height - one.height)).toBeLessThanOrEqual(2);
      expect(errors).toEqual([]);
    });
  });
}

test('repeated optimizers are numbered and every run has its own colour, up to the cap', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  await growTo(page, 6);
  const names = page.locator('[data-testid=legend-item] .legend-item__name');
  await expect(names).toHaveText(['Gradient descent', 'Momentum', 'RMSprop', 'Adam', 'Adam 2', 'Adam 3']);
  // Remove "Adam 2", add another: it is "Adam 4", no name repeats.
  await page.locator('[data-testid=run-row]').nth(4).getByTestId('run-remove').click();
  await page.getByTestId('add-optimizer').click();
  await expect(names).toHaveText(['Gradient descent', 'Momentum', 'RMSprop', 'Adam', 'Adam 3', 'Adam 4']);

  await growTo(page, CAP);
  const colours = await page.locator('[data-testid=legend-item] .legend-item__swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  expect(new Set(colours).size).toBe(CAP);
  const all = await names.allInnerTexts();
  expect(new Set(all).size).toBe(CAP);
});

test('at the cap Add is disabled and says why, in English and Chinese', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, 'engine=cpu&lang=en&theme=light&autoplay=0');
  const add = page.getByTestId('add-optimizer');
  await expect(add).toBeEnabled();
  await expect(page.getByTestId('run-cap-hint')).toHaveCount(0);
  await growTo(page, CAP);
  await expect(add).toBeDisabled();
  // The run list scrolls in its own box: Add sits right below it, not 64 rows further down.
  const list = await box(page.locator('.opt-list__runs'));
  expect(list.height).toBeLessThanOrEqual(1080 * 0.6 + 2);
  expect((await box(add)).y - (list.y + list.height)).toBeLessThan(40);
  const message = `A race holds at most ${CAP} runs — remove one to add another.`;
  await expect(page.getByTestId('run-cap-hint')).toHaveText(message);
  await expect(add).toHaveAttribute('title', message);
  await expect(page.getByTestId('run-duplicate').first()).toBeDisabled();
  await expect(page.getByTestId('run-duplicate').first()).toHaveAttribute('title', message);
  // No developer message ("runs has 65 entries") anywhere.
  await expect(page.getByText(/entries; at most/)).toHaveCount(0);

  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.getByTestId('run-cap-hint')).toHaveText(`一场比赛最多 ${CAP} 个运行——删除一个后才能再添加。`);

  // Removing one enables Add again and the hint goes.
  await page.getByTestId('run-remove').last().click();
  await expect(add).toBeEnabled();
  await expect(page.getByTestId('run-cap-hint')).toHaveCount(0);
});
