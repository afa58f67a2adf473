/**
 * Built-in lessons: picking one loads its surface and runs and opens its card; the card reads
 * in the chosen language, survives edits, and closes. Screenshots of a lesson at the three
 * reference sizes go to the system temp folder for a person to look at.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LESSONS, type Lesson } from '../../src/core/lessons';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zhCN';
import { captureErrors, openApp, waitForStep } from './fixtures';

function lookup(cat: object, key: string): string {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], cat) as string;
}

/** The prose before the text's first formula: a fragment the card shows verbatim. */
function opening(cat: object, lesson: Lesson): string {
  return lookup(cat, lesson.textKey).split('$')[0].trim().slice(0, 40);
}

/** The names the legend shows in English: the run's label, or its optimizer's name. */
function runNames(lesson: Lesson): string[] {
  return lesson.experiment.runs.map((r) => r.label || (en.optimizer.names as Record<string, string>)[r.optimizer]);
}

async function legendNames(page: Page): Promise<string[]> {
  return page.getByTestId('legend-item').locator('.legend-item__name').allTextContents();
}

test('each lesson loads its surface and runs, and its card reads in English and Chinese', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('lesson-card')).toHaveCount(0);
  const card = page.getByTestId('lesson-card');

  for (const lesson of LESSONS) {
    const surface = lesson.experiment.objective.id;
    await page.getByTestId(`lesson-option-${lesson.id}`).click();
    await expect(page.getByTestId(`lesson-option-${lesson.id}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId(`surface-option-${surface}`)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', surface);
    await expect(page.getByTestId('run-row')).toHaveCount(lesson.experiment.runs.length);
    await expect.poll(() => legendNames(page)).toEqual(runNames(lesson));
    await expect(card).toHaveAttribute('data-lesson', lesson.id);
    await expect(page.getByTestId('lesson-title')).toHaveText(lookup(en, lesson.titleKey));
    await expect(page.getByTestId('lesson-text')).toContainText(opening(en, lesson));
    if (lookup(en, lesson.textKey).includes('$')) await expect(page.getByTestId('lesson-text').locator('.katex').first()).toBeVisible();
    if (lesson.tex) {
      await expect(page.getByTestId('lesson-formula').locator('.katex')).toBeVisible();
      // The narrowest card (340 px, beside the surface at 1440 px) shows the whole formula.
      const hidden = await page.getByTestId('lesson-formula').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(hidden, lesson.id).toBeLessThanOrEqual(1);
    }
  }
  // A lesson plays on its own (the story is the race), even after ?autoplay=0.
  await waitForStep(page, 30);

  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const last = LESSONS[LESSONS.length - 1];
  await expect(page.getByTestId('lesson-title')).toHaveText(lookup(zhCN, last.titleKey));
  await expect(page.getByTestId('lesson-text')).toContainText(opening(zhCN, last));
  await expect(page.getByTestId(`lesson-option-${LESSONS[0].id}`)).toHaveText(new RegExp(lookup(zhCN, LESSONS[0].titleKey)));
  await expect(page.getByTestId('lesson-close')).toHaveAttribute('aria-label', zhCN.lessons.close);

  // The teacher may tweak: an edit (the Rosenbrock comparison the Adam lesson asks for) keeps the card.
  await page.getByTestId('lesson-option-adam_rastrigin').click();
  await page.getByTestId('surface-option-rosenbrock').click();
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'rosenbrock');
  await expect(card).toHaveAttribute('data-lesson', 'adam_rastrigin');
  await expect(page.getByTestId('lesson-option-adam_rastrigin')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('lesson-close').click();
  await expect(card).toHaveCount(0);
  await expect(page.locator('[data-testid^="lesson-option-"][aria-pressed="true"]')).toHaveCount(0);
  // Closing the card leaves the race as it is.
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'rosenbrock');
  expect(errors).toEqual([]);
});

/**
 * Runs the lesson to `steps` (at `speed` steps per frame), pauses, and saves a screenshot. A
 * race whose runs have all finished pauses itself, possibly before the click lands.
 */
async function shoot(page: Page, name: string, steps: number, speed = '5'): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  await waitForStep(page, steps, 60_000);
  await page.getByTestId('pause').click({ timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByTestId('play')).toBeVisible();
  await page.screenshot({ path: join(tmpdir(), `gradscape-lessons-${name}.png`) });
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the card sits beside the surface', async ({ page }) => {
      const errors = captureErrors(page);
      await openApp(page, 'engine=cpu&lang=en');
      await page.getByTestId('lesson-option-ravine').click();
      const card = await page.getByTestId('lesson-card').boundingBox();
      const surface = await page.locator('.stage__surface').boundingBox();
      expect(card && surface).toBeTruthy();
      // Two columns: the card is right of the surface, at its top, and fully on screen.
      expect(card!.x).toBeGreaterThanOrEqual(surface!.x + surface!.width);
      expect(Math.abs(card!.y - surface!.y)).toBeLessThan(2);
      await expect(page.getByTestId('lesson-card')).toBeInViewport({ ratio: 1 });
      await shoot(page, `${size.width}x${size.height}`, 600);
      await page.getByTestId('lang-switch').selectOption('zh-CN');
      await page.getByTestId('lesson-option-saddle_point').click();
      await shoot(page, `${size.width}x${size.height}-zh`, 1500, '20');
      expect(errors).toEqual([]);
    });
  });
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('a lesson picked in the drawer closes the drawer and shows its card above the surface', async ({ page }) => {
    const errors = captureErrors(page);
    await openApp(page, 'engine=cpu&lang=en');
    await page.getByTestId('drawer-toggle').tap();
    await page.getByTestId('lesson-option-saddle_point').tap();
    await expect(page.getByTestId('control-panel')).not.toBeInViewport();
    const card = page.getByTestId('lesson-card');
    await expect(card).toBeInViewport();
    const c = await card.boundingBox();
    const s = await page.locator('.stage__surface').boundingBox();
    expect(c!.y + c!.height).toBeLessThanOrEqual(s!.y);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('speed').selectOption('20');
    await waitForStep(page, 600, 60_000);
    await page.getByTestId('pause').tap();
    await page.screenshot({ path: join(tmpdir(), 'gradscape-lessons-390x844.png') });
    await page.screenshot({ path: join(tmpdir(), 'gradscape-lessons-390x844-full.png'), fullPage: true });
    await page.getByTestId('lesson-close').tap();
    await expect(card).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
