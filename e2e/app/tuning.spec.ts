/**
 * The per-run "Schedule & clipping" section (README: "a learning-rate schedule ... gradient
 * clipping by norm"): open it, pick a schedule or a clip norm, and gradient descent's 40-step
 * race on Rosenbrock ends somewhere else, with a higher loss (smaller steps); the collapsed
 * summary and the explain panel say what is on; a bad value gets the field's message.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
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
});
