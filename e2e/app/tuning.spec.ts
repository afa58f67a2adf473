/**
 * The per-run "Schedule & clipping" section (README: "a learning-rate schedule ... gradient
 * clipping by norm"): open it, pick a schedule or a clip norm, and gradient descent's 40-step
 * race on Rosenbrock ends somewhere else, with a higher loss (smaller steps); the collapsed
 * summary and the explain panel say what is on; a bad value gets the field's message.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';
import { captureErrors, currentStep, openApp } from './fixtures';

const gdRow = (page: Page) => page.locator('[data-testid=run-row][data-optimizer=gd]');

async function commit(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Enter');
}

/** Plays the 40-step race from step 0 to its end; returns gd's loss and its head's position. */
async function raceGd(page: Page): Promise<{ loss: number; at: string }> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect.poll(() => currentStep(page)).toBe(0);
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBe(40);
  await expect(page.getByTestId('play')).toBeVisible();
  const text = page.getByTestId('legend-item').first().getByTestId('run-loss');
  await expect(text).toHaveText(/^loss [\d.]+$/);
  // The legend is throttled: wait until it shows the last step's value twice in a row.
  let loss = NaN;
  await expect.poll(async () => {
    const v = Number((await text.textContent())?.replace('loss ', ''));
    const same = v === loss;
    loss = v;
    return same;
  }, { intervals: [400] }).toBe(true);
  const uid = await page.getByTestId('surface-run-head').first().getAttribute('data-run');
  const at = (await page.locator(`[data-testid=surface-run-head][data-run="${uid}"]`).getAttribute('transform')) ?? '';
  return { loss, at };
}

test.beforeEach(async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await commit(page.getByTestId('steps-input'), '40');
  await expect(gdRow(page).getByTestId('tuning-summary')).toHaveText('constant lr · no clipping');
});

test('a step schedule slows gradient descent, and the summary and explain panel say so', async ({ page }) => {
  const errors = captureErrors(page);
  const plain = await raceGd(page);
  await expect(page.getByTestId('explain-schedule')).toHaveCount(0);

  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await expect(row.getByTestId('tuning-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(row.getByTestId('schedule-warmup-input')).toBeVisible();
  await expect(row.getByTestId('schedule-gamma-input')).toHaveCount(0);
  await row.getByTestId('schedule-kind').selectOption('step');
  await expect(row.getByTestId('schedule-gamma-input')).toHaveValue('0.5');
  await expect(row.getByTestId('schedule-t-max-input')).toHaveCount(0);
  await commit(row.getByTestId('schedule-step-size-input'), '5');
  await commit(row.getByTestId('schedule-gamma-input'), '0.1');
  await expect(page.getByTestId('explain-schedule')).toContainText('0.1');
  await page.screenshot({ path: 'test-results/tuning-open.png' });
  await page.getByTestId('explain').screenshot({ path: 'test-results/tuning-explain.png' });

  const decayed = await raceGd(page);
  expect(decayed.at).not.toBe(plain.at);
  expect(decayed.loss).toBeGreaterThan(plain.loss);

  await row.getByTestId('tuning-toggle').click();
  await expect(row.getByTestId('tuning-body')).toHaveCount(0);
  await expect(row.getByTestId('tuning-summary')).toHaveText('step · no clipping');
  expect(errors).toEqual([]);
});

test('clipping the gradient norm at 0.5 changes the walk on the steep valley wall', async ({ page }) => {
  const plain = await raceGd(page);
  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await commit(row.getByTestId('max-grad-norm-input'), '0.5');
  await expect(row.getByTestId('tuning-summary')).toHaveText('constant lr · clip 0.5');
  await expect(page.getByTestId('explain-clip')).toBeVisible();
  await page.getByTestId('explain').screenshot({ path: 'test-results/tuning-explain-clip.png' });
  const clipped = await raceGd(page);
  expect(clipped.at).not.toBe(plain.at);
  expect(clipped.loss).toBeGreaterThan(plain.loss);
  // Off again: the walk is the plain one.
  await commit(row.getByTestId('max-grad-norm-input'), '0');
  await expect(row.getByTestId('tuning-summary')).toHaveText('constant lr · no clipping');
  expect((await raceGd(page)).at).toBe(plain.at);
});

/** translate(px,py) of a run head, as numbers. */
function xy(transform: string): [number, number] {
  const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(transform);
  if (!m) throw new Error(`not a translate: ${transform}`);
  return [Number(m[1]), Number(m[2])];
}

test('WebGPU walks the same scheduled, clipped path as the CPU engine', async ({ page }) => {
  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await row.getByTestId('schedule-kind').selectOption('exponential');
  await commit(row.getByTestId('schedule-gamma-input'), '0.9');
  await commit(row.getByTestId('max-grad-norm-input'), '2');
  await expect(row.getByTestId('tuning-summary')).toHaveText('exponential · clip 2');
  const cpu = await raceGd(page);
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  requireAdapter(hasAdapter);
  await page.getByTestId('engine-select').selectOption('gpu');
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'gpu', { timeout: 60_000 });
  const gpu = await raceGd(page);
  const [a, b] = [xy(cpu.at), xy(gpu.at)];
  // Rosenbrock is exact in float32 (+ − ×): the engines agree bit for bit; a pixel tolerance
  // keeps the check about the walk, not the SVG's number formatting.
  expect(Math.abs(a[0] - b[0])).toBeLessThan(0.01);
  expect(Math.abs(a[1] - b[1])).toBeLessThan(0.01);
  expect(gpu.loss).toBe(cpu.loss);
});

test('the open section passes the accessibility scan (dark theme)', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&theme=dark&autoplay=0');
  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await row.getByTestId('schedule-kind').selectOption('cosine');
  await commit(row.getByTestId('schedule-warmup-input'), '20');
  await expect(row.getByTestId('tuning-summary')).toHaveText('cosine · warm-up 20 · no clipping');
  await row.screenshot({ path: 'test-results/tuning-dark.png' });
  const results = await new AxeBuilder({ page }).include('[data-testid=tuning]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad).toEqual([]);
});

test('invalid values get the field\'s message and change nothing', async ({ page }) => {
  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await row.getByTestId('schedule-kind').selectOption('cosine');
  await commit(row.getByTestId('schedule-min-factor-input'), '1.5');
  await expect(row.getByTestId('hyper-error')).toHaveText('1.5 is outside the allowed range 0 to 1; the value was not changed.');
  await commit(row.getByTestId('schedule-warmup-input'), '2.5');
  await expect(row.getByTestId('hyper-error').last()).toHaveText('2.5 is not a whole number.');
  await commit(row.getByTestId('max-grad-norm-input'), '-1');
  await expect(row.getByTestId('hyper-error').last()).toContainText('outside the allowed range');
  await expect(row.getByTestId('tuning-summary')).toHaveText('cosine · no clipping');
  await expect(page.getByTestId('config-error')).toHaveCount(0);
});

test('Chinese: the section and its summary are translated', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=zh-CN&autoplay=0');
  const row = gdRow(page);
  await row.getByTestId('tuning-toggle').click();
  await expect(row.getByTestId('tuning')).toContainText('学习率调度与梯度裁剪');
  await row.getByTestId('schedule-kind').selectOption('cosine');
  await commit(row.getByTestId('max-grad-norm-input'), '1');
  await expect(row.getByTestId('tuning-summary')).toHaveText('余弦 · 裁剪 1');
  await row.screenshot({ path: 'test-results/tuning-zh.png' });
});
