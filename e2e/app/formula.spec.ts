/**
 * "Your own surface" (issue 13) on the built app: while a formula is typed, its first mistake is
 * shown at its character (message, 1-based column, the characters marked) in English and in
 * Chinese without pressing Enter, and the surface being raced stays; an applied formula travels
 * in the share link and comes back in a new page; a formula loaded from a link while the box is
 * open replaces the box's text.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, openApp } from './fixtures';

/** The page's fragment, decoded, once the URL has caught up with the store (it shows `formula`). */
async function fragment(page: Page, formula?: string): Promise<string> {
  const read = () => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));
  await expect.poll(read).toMatch(/^v=1&/);
  if (formula !== undefined) await expect.poll(read).toContain(`f=custom(formula='${formula}')`);
  return read();
}

/** Picks 'Custom formula' and applies `formula` with Enter; the surface shows `shown`. */
async function applyFormula(page: Page, formula: string, shown: string): Promise<void> {
  await page.getByTestId('surface-option-custom').click();
  const input = page.getByTestId('formula-input');
  await input.fill(formula);
  await input.press('Enter');
  await expect(page.getByTestId('surface-formula')).toContainText(shown);
  await expect(page.getByTestId('formula-error')).toHaveCount(0);
}

/** Replaces the box's text by typing it key by key, as a person would (no Enter). */
async function typeFormula(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('formula-input');
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
}

/** The excerpt under the message: the text before the mark, the mark, the text after. */
async function excerpt(page: Page): Promise<[string, string, string]> {
  return page.locator('.formula__src').evaluate((pre) => {
    const mark = pre.querySelector('mark')!;
    let before = '';
    let after = '';
    let seen = false;
    for (const node of pre.childNodes) {
      if (node === mark) seen = true;
      else if (seen) after += node.textContent ?? '';
      else before += node.textContent ?? '';
    }
    return [before, mark.textContent ?? '', after] as [string, string, string];
  });
}

test('typing a bad formula shows its error at its position without Enter; the raced surface stays', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await applyFormula(page, 'x^2 + 4*y^2', '4');
  const before = await fragment(page, 'x^2 + 4*y^2');

  const error = page.getByTestId('formula-error');
  await typeFormula(page, 'x^2 + sinh(y)');
  await expect(error).toHaveAttribute('data-state', 'typing');
  await expect(error).toContainText("Formula error at character 7: Unknown function 'sinh'.");
  expect(await excerpt(page)).toEqual(['x^2 + ', 'sinh', '(y)']);
  await expect(page.getByTestId('formula-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(error).toContainText('The previous surface stays active.');

  // Further typing moves the error with the text: the mark follows the new first mistake.
  await typeFormula(page, '(x + y');
  await expect(error).toContainText("Formula error at character 1: This '(' is never closed");
  expect(await excerpt(page)).toEqual(['', '(', 'x + y']);
  await typeFormula(page, 'x y');
  await expect(error).toContainText("Formula error at character 3: Missing operator before 'y'");
  expect(await excerpt(page)).toEqual(['x ', 'y', '']);
  await typeFormula(page, 'x; y');
  await expect(error).toContainText("Formula error at character 2: Unexpected character ';'");
  expect(await excerpt(page)).toEqual(['x', ';', ' y']);

  // Nothing typed was applied: the surface, its formula and the link are the earlier ones.
  await expect(page.getByTestId('surface-formula')).toContainText('4');
  expect(await fragment(page)).toBe(before);
  await expect(page.getByTestId('config-error')).toHaveCount(0);

  // Typing a valid formula clears the error; Enter applies it.
  await typeFormula(page, 'x^2 + 9*y^2');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('formula-input')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('surface-formula')).toContainText('4');
  await page.getByTestId('formula-input').press('Enter');
  await expect(page.getByTestId('surface-formula')).toContainText('9');
  await fragment(page, 'x^2 + 9*y^2');

  // Applying a bad formula keeps the surface and shows the same positioned error, as applied.
  await typeFormula(page, 'x^2 + 2**');
  await expect(error).toHaveAttribute('data-state', 'typing');
  await page.getByTestId('formula-apply').click();
  await expect(error).toHaveAttribute('data-state', 'applied');
  await expect(error).toContainText("Formula error at character 9: Unexpected '*': use ^ for powers");
  expect(await excerpt(page)).toEqual(['x^2 + 2*', '*', '']);
  await expect(page.getByTestId('surface-formula')).toContainText('9');
  expect(errors).toEqual([]);
});

test('in 简体中文 the error while typing is Chinese, at the same character', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=zh-CN&autoplay=0');
  await applyFormula(page, 'x^2 + 4*y^2', '4');
  const error = page.getByTestId('formula-error');
  await typeFormula(page, 'x^2 + sinh(y)');
  await expect(error).toContainText("公式第 7 个字符处有误：未知函数 'sinh'。");
  await expect(error).toContainText('仍使用之前的曲面。');
  expect(await excerpt(page)).toEqual(['x^2 + ', 'sinh', '(y)']);
  await typeFormula(page, 'x + (y');
  await expect(error).toContainText("公式第 5 个字符处有误：这个 '(' 没有闭合");
  expect(await excerpt(page)).toEqual(['x + ', '(', 'y']);
  await typeFormula(page, 'x 😀');
  await expect(error).toContainText("公式第 3 个字符处有误：无法识别的字符 '😀'。");
  expect(await excerpt(page)).toEqual(['x ', '😀', '']);
  await expect(error).not.toContainText('position');
  await expect(page.getByTestId('surface-formula')).toContainText('4');
  expect(errors).toEqual([]);
});

test('a custom formula travels in the share link: a new page races the same formula', async ({ page, context }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const formula = 'sin(3*x)*cos(y) + 0.1*(x^2 + y^2) - exp(-(x-1)^2)';
  await applyFormula(page, formula, 'sin');
  const hash = await fragment(page, formula);

  await page.getByTestId('share-button').click();
  const url = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('share-close').click();

  const other = await context.browser()!.newContext();
  const page2 = await other.newPage();
  const errors2 = captureErrors(page2);
  await page2.goto(url.replace(/^https?:\/\/[^/]+/, 'http://localhost:' + new URL(page.url()).port));
  await expect(page2.getByTestId('surface-option-custom')).toHaveAttribute('aria-checked', 'true');
  await expect(page2.getByTestId('formula-input')).toHaveValue(formula);
  await expect(page2.getByTestId('surface-formula')).toContainText('sin');
  await expect(page2.getByTestId('surface-formula')).toContainText('exp');
  await expect(page2.getByTestId('link-notice')).toHaveCount(0);
  await expect(page2.getByTestId('formula-error')).toHaveCount(0);
  expect(await fragment(page2)).toBe(hash);
  await other.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

test('a formula from a link opened while the box is open replaces the text in the box', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await applyFormula(page, 'x^2 + 4*y^2', '4');
  await typeFormula(page, 'x^2 + (');
  await expect(page.getByTestId('formula-input')).toHaveValue('x^2 + (');
  // A hand-edited fragment is decoded and applied like a link.
  const hash = (await fragment(page, 'x^2 + 4*y^2')).replace("formula='x^2 + 4*y^2'", "formula='abs(x)+7*y^2'");
  expect(hash).toContain('abs(x)');
  await page.evaluate((h) => (location.hash = encodeURI(h).replace(/#/g, '%23')), hash);
  await expect(page.getByTestId('surface-formula')).toContainText('7');
  await expect(page.getByTestId('formula-input')).toHaveValue('abs(x)+7*y^2');
  await expect(page.getByTestId('formula-error')).toHaveCount(0);
});
