import { expect, test } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

const SURFACES = [
  'quadratic', 'rosenbrock', 'beale', 'himmelblau', 'booth', 'rastrigin', 'ackley',
  'goldstein_price', 'six_hump_camel', 'styblinski_tang', 'saddle', 'two_wells', 'custom',
];

test('every surface can be picked, shows its formula and races', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page);
  const info = page.getByTestId('surface-info');
  for (const id of SURFACES) {
    await page.getByTestId(`surface-option-${id}`).click();
    await expect(info).toHaveAttribute('data-surface', id);
    await expect(page.getByTestId(`surface-option-${id}`)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('surface-formula').locator('.katex')).toBeVisible();
  }
  // The last pick (custom) restarted the race, and it runs.
  await waitForStep(page, 5);
  expect(errors).toEqual([]);
});

test('surface parameters are controls: the quadratic condition number and rotation', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('surface-option-quadratic').click();
  const kappa = page.getByTestId('param-kappa-input');
  await kappa.fill('100');
  await kappa.press('Enter');
  await expect(kappa).toHaveValue('100');
  await expect(page.getByTestId('surface-formula')).toContainText('κ');
  const theta = page.getByTestId('param-theta-input');
  await theta.fill('30');
  await theta.press('Enter');
  await expect(theta).toHaveValue('30');
  await expect(page.getByTestId('hyper-error')).toHaveCount(0);
});

test('a custom formula compiles; a broken one is refused with its position, keeping the surface', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('surface-option-custom').click();
  const input = page.getByTestId('formula-input');
  await input.fill('x^2 + 4*y^2');
  await input.press('Enter');
  await expect(page.getByTestId('surface-formula')).toContainText('4');
  await expect(page.getByTestId('formula-error')).toHaveCount(0);
  await input.fill('x^2 + * y');
  await page.getByTestId('formula-apply').click();
  await expect(page.getByTestId('formula-error')).toBeVisible();
  await expect(page.getByTestId('formula-error-mark')).toHaveText('*');
  // One way of counting: the 1-based character the mark shows, not the compiler's 0-based index.
  await expect(page.getByTestId('formula-error')).toContainText("Formula error at character 7: Unexpected '*'");
  await expect(page.getByTestId('formula-error')).not.toContainText('position');
  // The previous formula is still the one shown and raced.
  await expect(page.getByTestId('surface-formula')).toContainText('4');
});

test('a surface without a known minimum says so in the distance chart', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('chart-dist-empty')).toHaveCount(0);
  await page.getByTestId('surface-option-saddle').click();
  await expect(page.getByTestId('chart-dist-empty')).toBeVisible();
  await page.getByTestId('surface-option-booth').click();
  await expect(page.getByTestId('chart-dist-empty')).toHaveCount(0);
});

test('formula limits: deep nesting and an over-long text get their own message at the field, the surface stays', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page);
  await page.getByTestId('surface-option-custom').click();
  const input = page.getByTestId('formula-input');
  await input.fill('x^2 + 4*y^2');
  await input.press('Enter');
  await expect(page.getByTestId('surface-formula')).toContainText('4');

  await input.fill('('.repeat(2000) + 'x' + ')'.repeat(2000));
  await input.press('Enter');
  const error = page.getByTestId('formula-error');
  await expect(error).toContainText('Formula error at character 101: Nested too deeply: at most 100 levels');
  await expect(error).not.toContainText('call stack');
  await expect(page.getByTestId('formula-error-mark')).toHaveText('(');
  // The excerpt under the message is a window around the mark, not 4,001 characters.
  expect((await page.locator('.formula__src').textContent())!.length).toBeLessThan(80);

  const long = 'x^2 + ' + Array(700).fill('y^2').join(' + ');
  await input.fill(long);
  await page.getByTestId('formula-apply').click();
  await expect(error).toContainText(`Formula error at character 2001: The formula has ${long.length} characters; at most 2000 are allowed`);
  await expect(page.getByTestId('config-error')).toHaveCount(0);
  await expect(page.getByTestId('formula-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('surface-formula')).toContainText('4');
  expect(errors).toEqual([]);
});

test('exp(exp(exp(x))) is drawn by rank: many colours, a captioned colour bar, labels inside the view', async ({ page }) => {
  for (const size of [{ width: 1440, height: 900 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await openApp(page);
    const phone = size.width < 600;
    // On a phone the surface picker lives in the drawer.
    if (phone) await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('surface-option-custom').click();
    const input = page.getByTestId('formula-input');
    await input.fill('exp(exp(exp(x)))');
    await input.press('Enter');
    if (phone) await page.getByTestId('drawer-close').click();
    const heat = page.getByTestId('surface-heatmap');
    await expect(heat).toHaveAttribute('data-scale', 'rank');
    await expect(page.getByTestId('colorbar-caption')).toHaveText(/^by rank/);
    // Distinct colours across the finite part of the map (x < 1.8), left to right.
    const colours = await heat.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const seen = new Set<string>();
      const row = ctx.getImageData(0, Math.floor(c.height / 2), Math.floor(c.width * 0.75), 1).data;
      for (let i = 0; i < row.length; i += 4) seen.add(`${row[i]},${row[i + 1]},${row[i + 2]}`);
      return seen.size;
    });
    expect(colours, `${size.width}px`).toBeGreaterThan(40);
    // Every colour-bar label and the caption lie inside the surface view.
    const box = (await page.getByTestId('surface-view').boundingBox())!;
    const labels = page.locator('.gs-colorbar text');
    expect(await labels.count()).toBeGreaterThan(3);
    for (const b of await labels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(b.right, `${size.width}px label`).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(b.bottom, `${size.width}px label`).toBeLessThanOrEqual(box.y + box.height + 0.5);
    }
  }
  // A built-in surface keeps its own scale and has no caption.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('surface-option-rosenbrock').click();
  await expect(page.getByTestId('surface-heatmap')).toHaveAttribute('data-scale', 'log');
  await expect(page.getByTestId('colorbar-caption')).toHaveCount(0);
});
