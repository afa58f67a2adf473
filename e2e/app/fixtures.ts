/**
 * Shared helpers for the app specs: console-error capture, opening the app with the CPU engine
 * (fast and deterministic), and reading the step counter.
 */
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

/** Collects console errors and page errors; assert it is empty at the end of a test. */
export function captureErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the app; `query` defaults to the CPU engine in English. */
export async function openApp(page: Page, query = 'engine=cpu&lang=en'): Promise<void> {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', /cpu|gpu/);
}

/** The engine's step count as shown by the step counter. */
export async function currentStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-counter').getAttribute('data-step'));
}

/** Waits until the counter passes `min`. */
export async function waitForStep(page: Page, min: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => currentStep(page), { timeout }).toBeGreaterThanOrEqual(min);
}

/** Waits until the step counter stops moving (after a pause, in-flight steps may still land). */
export async function settledStep(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const v = await currentStep(page);
        const same = v === last;
        last = v;
        return same;
      },
      { intervals: [400], timeout: 15_000 },
    )
    .toBe(true);
  return last;
}
