/**
 * "A formula that fails to compile on the GPU falls back with a message" (issue 13), through the
 * whole app on real WebGPU (SwiftShader here): the user applies a custom formula the core
 * compiles but the device's WGSL compiler rejects (formulaFault.harness.ts); the race moves to
 * the CPU engine and goes on, the fault banner says what happened in the page's language, and
 * the formula box shows no formula error (the formula itself is fine).
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

const FORMULA = '(x - 1)^2 + 3*(y + 0.5)^2 + x*y/4';

async function open(page: Page, lang: string): Promise<void> {
  await page.goto(`/e2e/gpu/formulaFault.html?lang=${lang}`);
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  requireAdapter(hasAdapter);
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'gpu', { timeout: 60_000 });
}

const step = async (page: Page) => Number(await page.getByTestId('step-counter').getAttribute('data-step'));

/** Applies the formula the GPU cannot compile, then checks the fallback; returns the banner. */
async function applyBroken(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(5);
  await page.getByTestId('surface-option-custom').click();
  const input = page.getByTestId('formula-input');
  await input.fill(FORMULA);
  await input.press('Enter');
  const banner = page.getByTestId('fault-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'cpu');
  // The formula compiled: no formula error, and the surface shows it.
  await expect(page.getByTestId('formula-error')).toHaveCount(0);
  await expect(page.getByTestId('surface-info')).toHaveAttribute('data-surface', 'custom');
  // The race goes on, on the CPU engine.
  const at = await step(page);
  await expect.poll(() => step(page), { timeout: 30_000 }).toBeGreaterThan(at + 10);
  expect(errors).toEqual([]);
  return banner;
}

test('a custom formula the GPU cannot compile: the race continues on the CPU engine and the banner says why', async ({ page }) => {
  await open(page, 'en');
  const banner = await applyBroken(page);
  await expect(banner).toContainText('Engine problem');
  const message = (await banner.locator('.banner__msg').textContent()) ?? '';
  expect(message).toMatch(/^The GPU could not compile the step kernel for \w+ on "\(x - 1\)\^2 \+ 3\*\(y \+ 0\.5\)\^2 \+ x\*y\/4": line \d+:\d+ .+\. Continuing on the CPU engine\.$/);
  expect(message).toContain('undefined_symbol_from_formula');
});

test('in 简体中文 the same fallback is announced with a Chinese banner', async ({ page }) => {
  await open(page, 'zh-CN');
  const banner = await applyBroken(page);
  await expect(banner).toContainText('计算引擎出现问题');
  // What happened, in Chinese; the engine's English message stays as the technical detail.
  await expect(banner.getByTestId('fault-reason')).toContainText('GPU 无法编译该曲面的计算核；竞赛在 CPU 引擎上继续。');
  await expect(banner.getByTestId('fault-reason')).toContainText('技术细节');
  await expect(banner.getByTestId('fault-reason')).toContainText('undefined_symbol_from_formula');
});
