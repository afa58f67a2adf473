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
