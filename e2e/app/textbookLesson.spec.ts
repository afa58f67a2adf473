/**
 * The textbook worked example lesson (issue 12): opened from the lesson picker, its card shows
 * the setting and the per-epoch table computed in the browser (equal, cell for cell, to the
 * core's textbookExample(), which is what `npm run simulate` prints), the map races heavy-ball
 * momentum against GD, and the table reads in Chinese and fits a phone without widening the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { textbookExample, TEXTBOOK_COMMAND } from '../../src/core/training';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zhCN';
import { formatLoss } from '../../src/ui/LessonPanel/formatLoss';
import { captureErrors, openApp, waitForStep } from './fixtures';

const example = textbookExample();

/** Opens the app and picks the lesson; on a phone the picker is in the drawer (the lesson closes it). */
async function openLesson(page: Page, query: string, phone = false): Promise<void> {
  await openApp(page, query);
  if (phone) await page.getByTestId('drawer-toggle').tap();
  await page.getByTestId('lesson-option-textbook_momentum').click();
  await expect(page.getByTestId('lesson-card')).toHaveAttribute('data-lesson', 'textbook_momentum');
  await expect(page.getByTestId('textbook-table')).toBeVisible();
}

/** The table's body as text: [epoch, momentum, gd] per row. */
async function tableCells(page: Page): Promise<string[][]> {
  return page
    .getByTestId('textbook-row')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.firstChild === null ? '' : c.textContent ?? ''))));
}

test('the lesson shows the worked example table beside the race of the same two methods', async ({ page }) => {
  const errors = captureErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openLesson(page, 'engine=cpu&lang=en&autoplay=0');
  const table = page.getByTestId('textbook-table');
  // Computed off the main thread, in its own worker (not the main-thread fallback).
  expect(workers.some((u) => u.includes('workedExample.worker'))).toBe(true);
  await expect(table.locator('caption')).toHaveText(en.lessons.worked.caption);
  await expect(table.locator('thead th')).toHaveText([en.lessons.worked.epoch, en.lessons.worked.momentum, en.lessons.worked.gd]);
  await expect(page.getByTestId('textbook-row')).toHaveCount(example.config.epochs + 1);

  // Every cell is the core's number at 4 significant digits (the marked ones carry a dot and a
  // screen-reader note: compare the number only).
  const cells = (await tableCells(page)).map((row) => row.map((c) => c.replace(/[●]|\s*\(.*\)$/g, '').trim()));
  expect(cells).toEqual(example.rows.map((r) => [String(r.epoch), formatLoss(r.momentum), formatLoss(r.gd)]));
  // After epoch 1 momentum is far below GD (0.1930 vs 3.046).
  expect(Number(cells[1][1])).toBeLessThan(Number(cells[1][2]));
  // The first epoch within 1% of the floor is marked, once per method: momentum 4, GD 19.
  const marked = table.locator('td[data-near-floor]');
  await expect(marked).toHaveCount(2);
  await expect(page.getByTestId('textbook-row').nth(4).locator('td').first()).toHaveAttribute('data-near-floor', 'true');
  await expect(page.getByTestId('textbook-row').nth(19).locator('td').last()).toHaveAttribute('data-near-floor', 'true');
  await expect(page.getByTestId('textbook-floor')).toContainText(formatLoss(example.floor));
  await expect(page.getByTestId('worked-example').locator('code')).toHaveText(TEXTBOOK_COMMAND);
  // The setting is read from the example's config; its formulas are KaTeX.
  await expect(page.getByTestId('textbook-setting')).toContainText('10 parameters (9 weights and a bias)');
  await expect(page.getByTestId('textbook-setting').locator('.katex').first()).toBeVisible();
  await expect(page.getByTestId('lesson-formula').locator('.katex')).toBeVisible();

  // The race: GD and heavy-ball momentum, on the regression's samples, and it plays.
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'linear_regression');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect
    .poll(() => page.getByTestId('legend-item').locator('.legend-item__name').allTextContents())
    .toEqual([en.optimizer.names.gd, 'Momentum (β = 0.9)']);
  await waitForStep(page, 20);

  const ms = Number(await table.getAttribute('data-compute-ms'));
  test.info().annotations.push({ type: 'compute-ms', description: String(ms) });
  expect(ms).toBeGreaterThan(0);

  const axe = await new AxeBuilder({ page }).include('[data-testid="lesson-card"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('in Chinese the table and its setting are translated', async ({ page }) => {
  const errors = captureErrors(page);
  await openLesson(page, 'engine=cpu&lang=zh-CN&autoplay=0');
  const table = page.getByTestId('textbook-table');
  await expect(table.locator('thead th')).toHaveText([zhCN.lessons.worked.epoch, zhCN.lessons.worked.momentum, zhCN.lessons.worked.gd]);
  await expect(table.locator('caption')).toHaveText(zhCN.lessons.worked.caption);
  await expect(page.getByTestId('lesson-title')).toHaveText(zhCN.lessons.items.textbook_momentum.title);
  await expect(page.getByTestId('textbook-setting').locator('dt')).toHaveText([
    zhCN.lessons.worked.model,
    zhCN.lessons.worked.data,
    zhCN.lessons.worked.batches,
    zhCN.lessons.worked.hyper,
  ]);
  await expect(page.getByTestId('textbook-floor')).toContainText('第 4 轮次');
  await expect(page.getByTestId('textbook-row')).toHaveCount(example.config.epochs + 1);
  expect(errors).toEqual([]);
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the table fits the card or scrolls inside it; the page does not widen', async ({ page }) => {
    const errors = captureErrors(page);
    await openLesson(page, 'engine=cpu&lang=en&autoplay=0', true);
    const box = page.locator('.worked__scroll');
    const sizes = await box.evaluate((el) => {
      const card = el.closest('[data-testid="lesson-card"]')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, cardLeft: card.left, cardRight: card.right, page: document.documentElement.scrollWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(390);
    expect(sizes.left).toBeGreaterThanOrEqual(sizes.cardLeft);
    expect(sizes.right).toBeLessThanOrEqual(sizes.cardRight);
    expect(errors).toEqual([]);
  });
});
