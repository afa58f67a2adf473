import { expect, test, type Page } from '@playwright/test';
import { currentStep, openApp, settledStep, waitForStep } from './fixtures';

async function losses(page: Page): Promise<number[]> {
  const texts = await page.getByTestId('run-loss').allInnerTexts();
  return texts.map((t) => Number(t.replace(/^\D+/, '')));
}

test("on a convex surface every run's loss falls", async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  // The legend refreshes a few times a second: wait for each race's step-0 losses (all runs
  // start at the same point, so the four are equal), first Rosenbrock's, then the quadratic's.
  const startLosses = async () => {
    const v = await losses(page);
    return v.length === 4 && v.every((l) => Number.isFinite(l) && l > 0 && l === v[0]) ? v[0] : null;
  };
  await expect.poll(startLosses).not.toBeNull();
  const rosenbrock = await startLosses();
  await page.getByTestId('surface-option-quadratic').click();
  await expect.poll(() => currentStep(page)).toBe(0);
  await expect.poll(async () => { const l = await startLosses(); return l !== null && l !== rosenbrock; }).toBe(true);
  const before = await losses(page);
  await page.getByTestId('play').click();
  await waitForStep(page, 150);
  await page.getByTestId('pause').click();
  await settledStep(page);
  await expect.poll(async () => (await losses(page)).every((v, i) => v < before[i])).toBe(true);
});

test('a huge learning rate diverges and says at which step', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const row = page.locator('[data-testid=run-row][data-optimizer=gd]');
  if (!(await row.getByTestId('lr-input').isVisible())) await row.getByTestId('run-expand').click();
  await row.getByTestId('lr-input').fill('10');
  await row.getByTestId('lr-input').press('Enter');
  await page.getByTestId('play').click();
  await expect(row.getByTestId('run-status')).toHaveText(/diverged at step \d+/, { timeout: 30_000 });
  await expect(page.getByTestId('chart-loss').getByTestId('chart-diverged')).toHaveCount(1);
});

test('click the surface to move the start; zoom with the wheel and reset', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const start = page.getByTestId('start-point');
  const x0 = Number(await start.getAttribute('data-x'));
  const view = page.getByTestId('surface-view');
  const box = (await view.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.4);
  await expect.poll(async () => Number(await start.getAttribute('data-x'))).not.toBe(x0);
  await expect.poll(() => currentStep(page)).toBe(0);

  await expect(page.getByTestId('reset-zoom')).toHaveCount(0);
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
  await page.mouse.wheel(0, -400);
  await expect(page.getByTestId('reset-zoom')).toBeVisible();
  await page.getByTestId('reset-zoom').click();
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0);
});

test('keyboard shortcuts: space, →, r, ? and Escape', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('play')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pause')).toBeVisible();
  await waitForStep(page, 20);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toBeVisible();
  const s = await settledStep(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => currentStep(page)).toBe(s + 1);
  await page.keyboard.press('r');
  await expect.poll(() => currentStep(page)).toBe(0);
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

test('after a race ends by itself, another surface starts playing as the first one did; a pause is kept', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en');
  const steps = page.getByTestId('steps-input');
  await steps.fill('60');
  await steps.press('Enter');
  // The first race plays on its own to its end and stops there.
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBe(60);
  await expect(page.getByTestId('play')).toBeVisible();
  await page.getByTestId('surface-option-himmelblau').click();
  // The new race moves without Play: it was the race that stopped, not the user.
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBe(60);
  // A longer budget is a new race too, and plays; a pause the user asked for is then kept
  // when the surface changes.
  await steps.fill('5000');
  await steps.press('Enter');
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId('pause').click();
  await page.getByTestId('surface-option-quadratic').click();
  await expect.poll(() => currentStep(page)).toBe(0);
  await page.waitForTimeout(500);
  expect(await currentStep(page)).toBe(0);
  await expect(page.getByTestId('play')).toBeVisible();
});
