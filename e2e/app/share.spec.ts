/**
 * Share links on the built app: the URL follows the experiment, a link restores it in a fresh
 * page, a broken link loads what is valid with one notice, the experiment survives a reload,
 * corrupted storage is ignored with a notice, and a student link hides its controls.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../src/ui/export/csv';
import { captureErrors, openApp, settledStep, waitForStep } from './fixtures';

/** The page's fragment once the URL has caught up with the store. */
async function fragment(page: Page): Promise<string> {
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v=1&/);
  return page.evaluate(() => location.hash.slice(1));
}

async function runNames(page: Page): Promise<string[]> {
  return page.getByTestId('run-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value || (e as HTMLInputElement).placeholder));
}

test('the URL follows the experiment, and the link opens the same experiment in a new page', async ({ page, context }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('surface-option-beale').click();
  await page.getByTestId('add-optimizer-select').selectOption('lion');
  await page.getByTestId('add-optimizer').click();
  const row = page.getByTestId('run-row').last();
  if (!(await row.getByTestId('lr-input').isVisible())) await row.getByTestId('run-expand').click();
  await row.getByTestId('lr-input').fill('0.0123');
  await row.getByTestId('lr-input').press('Enter');
  const hash = await fragment(page);
  expect(hash).toContain('f=beale');
  await expect.poll(async () => decodeURIComponent(await fragment(page))).toContain('lion(lr=0.0123');
  // replaceState: no history entry per edit.
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);

  await page.getByTestId('share-button').click();
  const url = await page.getByTestId('share-link').inputValue();
  expect(url).toContain('#v=1&');
  await page.getByTestId('share-close').click();

  const other = await context.browser()!.newContext();
  const page2 = await other.newPage();
  const errors2 = captureErrors(page2);
  await page2.goto(url.replace(/^https?:\/\/[^/]+/, 'http://localhost:' + new URL(page.url()).port));
  await expect(page2.getByTestId('surface-option-beale')).toHaveAttribute('aria-checked', 'true');
  expect(await runNames(page2)).toEqual(await runNames(page));
  await expect(page2.getByTestId('link-notice')).toHaveCount(0);
  expect(await fragment(page2)).toBe(await fragment(page));
  await other.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

/** Plays to at least `steps`, pauses; the settled step. */
async function playTo(page: Page, steps: number): Promise<number> {
  await page.getByTestId('play').click();
  await waitForStep(page, steps);
  await page.getByTestId('pause').click();
  return settledStep(page);
}

/** The exported trajectories CSV, rows with step ≤ maxStep, as text lines. */
async function trajectories(page: Page, maxStep: number): Promise<string[]> {
  await page.getByTestId('export-menu').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-trajectories').click()]);
  const rows = parseCsv(await readFile(await dl.path(), 'utf8'));
  const step = rows[0].indexOf('step');
  return rows.slice(1).filter((r) => Number(r[step]) <= maxStep).map((r) => r.join(','));
}

test('Copy link, open it in a new page: the same trajectories, step for step (exported CSV)', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('surface-option-himmelblau').click();
  const row = page.getByTestId('run-row').nth(1);
  if (!(await row.getByTestId('lr-input').isVisible())) await row.getByTestId('run-expand').click();
  await row.getByTestId('lr-input').fill('0.004');
  await row.getByTestId('lr-input').press('Enter');
  const s1 = await playTo(page, 60);
  await page.getByTestId('share-button').click();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copied-link')).toHaveText('Copied to the clipboard.');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toBe(await page.getByTestId('share-link').inputValue());
  await page.getByTestId('share-close').click();

  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors2 = captureErrors(page2);
  await page2.goto(url);
  await expect(page2.getByTestId('surface-option-himmelblau')).toHaveAttribute('aria-checked', 'true');
  const s2 = await playTo(page2, s1);
  const upTo = Math.min(s1, s2);
  const a = await trajectories(page, upTo);
  const b = await trajectories(page2, upTo);
  expect(a.length).toBe(4 * (upTo + 1));
  expect(b).toEqual(a);
  await other.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

test('a broken link loads what is valid and lists what was ignored, once', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('/?engine=cpu&lang=en#v=1&f=himmelblau&runs=adam(lr=0.05);nosuch(lr=1);sgd(lr=abc)&steps=-4&bogus=1');
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.getByTestId('surface-option-himmelblau')).toHaveAttribute('aria-checked', 'true');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('nosuch');
  await expect(notice).toContainText('bogus');
  await expect(notice).toContainText('steps');
  await expect(notice).toContainText('lr');
  // adam and sgd (with its default lr) survive; the unknown optimizer is dropped.
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await waitForStep(page, 5);
  await page.getByTestId('link-notice-close').click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('garbage, a newer version and an enormous link never break the page', async ({ page }) => {
  const errors = captureErrors(page);
  for (const hash of ['%E0%A4%A', 'v=9&f=booth', '((((((;;;,,,===', 'v=1&runs=' + 'adam(lr=0.01);'.repeat(3000)]) {
    await page.goto('/?engine=cpu&lang=en#' + hash);
    await expect(page.getByTestId('surface-view')).toBeVisible();
    await expect(page.getByTestId('link-notice')).toHaveCount(1);
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    await page.goto('about:blank');
  }
  expect(errors).toEqual([]);
});

test('the whole experiment comes back after a reload; corrupted storage is ignored with a notice', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('surface-option-booth').click();
  await page.getByTestId('run-row').first().getByTestId('run-remove').click();
  await expect(page.getByTestId('run-row')).toHaveCount(3);
  await fragment(page);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('gradscape.experiment') ?? '')).toContain('f=booth');
  // A visit without the fragment gets the remembered experiment.
  await page.goto('/?engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('surface-option-booth')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('run-row')).toHaveCount(3);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);

  await page.evaluate(() => localStorage.setItem('gradscape.experiment', 'v=1&f=booth&runs=adam(lr='));
  await page.goto('/?engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('link-notice')).toHaveAttribute('data-source', 'storage');
  await expect(page.getByTestId('surface-option-rosenbrock')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('run-row')).toHaveCount(4);
  expect(errors).toEqual([]);
});

test('a student link hides the chosen controls; the race still runs', async ({ page: teacher, context }) => {
  await openApp(teacher, 'engine=cpu&lang=en&autoplay=0');
  await teacher.getByTestId('share-button').click();
  await teacher.getByTestId('hide-hyper').check();
  const url = await teacher.getByTestId('share-student').inputValue();
  expect(decodeURIComponent(url)).toMatch(/hide=[a-z;]*surfaces/);
  const page = await context.newPage();
  const errors = captureErrors(page);
  await page.goto(url);
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.getByTestId('surface-option-rosenbrock')).toBeHidden();
  await expect(page.getByTestId('add-optimizer')).toBeHidden();
  await expect(page.getByTestId('run-remove').first()).toBeHidden();
  await expect(page.getByTestId('run-expand').first()).toBeHidden();
  await expect(page.getByTestId('play').or(page.getByTestId('pause'))).toBeVisible();
  await page.getByTestId('play').or(page.getByTestId('pause')).first().click();
  await waitForStep(page, 3);
  expect(errors).toEqual([]);
});

test('a link carries the language: a teacher link opens in the class language', async ({ page }) => {
  await page.goto('/?engine=cpu#v=1&f=saddle&runs=gd&lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('play').or(page.getByTestId('pause'))).toHaveText(/播放|暂停/);
  await expect(page.getByTestId('surface-option-saddle')).toHaveAttribute('aria-checked', 'true');
});

test('a hand-edited fragment in the address bar is applied like a new link', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await fragment(page);
  await page.evaluate(() => {
    location.hash = '#v=1&f=booth&runs=adam(lr=0.3);lion&steps=abc';
  });
  await expect(page.getByTestId('surface-option-booth')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByTestId('link-notice')).toContainText('steps');
  expect(errors).toEqual([]);
});
