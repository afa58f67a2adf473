import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`main view has no serious or critical accessibility violations (${theme})`, async ({ page }) => {
    await openApp(page, `engine=cpu&lang=en&theme=${theme}&autoplay=0`);
    await expect(page.getByTestId('explain-rule')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
  });
}
