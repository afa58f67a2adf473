import { expect, test } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zhCN';
import { openApp } from './fixtures';

/** Every leaf string of a catalogue with its key path. */
function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`),
  );
}

/**
 * English strings that must not appear once the UI is in Chinese: those the Chinese catalogue
 * translates differently, split at interpolations into their literal fragments, keeping
 * fragments long enough to be unambiguous words (product names like Adam stay Latin in both).
 */
function englishFragments(): string[] {
  const zh = new Map(leaves(zhCN));
  const out = new Set<string>();
  for (const [key, text] of leaves(en)) {
    if (zh.get(key) === text) continue;
    for (const part of text.split(/{{\w+}}/)) {
      const p = part.trim();
      if (p.length >= 6 && /[a-z]{3}/.test(p) && ![...zh.values()].some((z) => z.includes(p))) out.add(p);
    }
  }
  return [...out];
}

test('switching to 简体中文 leaves no English UI string', async ({ page }) => {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('play')).toHaveText(/播放/);
  // Open everything that has text: every run's hyperparameters and the help overlay.
  const expanders = page.getByTestId('run-expand');
  for (let i = 0; i < (await expanders.count()); i++) {
    if ((await expanders.nth(i).getAttribute('aria-expanded')) === 'false') await expanders.nth(i).click();
  }
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-overlay')).toContainText('键盘快捷键');
  const visible = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    return `${document.body.innerText}\n${attrs.join('\n')}`;
  });
  const left = englishFragments().filter((f) => visible.includes(f));
  expect(left).toEqual([]);
  // The choice persists: a later visit without ?lang= opens in Chinese.
  await page.goto('/?engine=cpu&autoplay=0');
  await expect(page.getByTestId('play').or(page.getByTestId('pause'))).toHaveText(/播放|暂停/);
});

test('in 简体中文 the Share dialog, the Export menu and a link notice have no English UI string', async ({ page }) => {
  await page.goto('/?engine=cpu&autoplay=0#v=1&f=booth&runs=adam;nosuch&bogus=1&lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('link-notice')).toContainText('此链接未能完全应用');
  await expect(page.getByTestId('link-notice')).toContainText('未知设置');
  const texts: string[] = [];
  const grab = async () =>
    texts.push(
      await page.evaluate(() => {
        const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((el) =>
          ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
        );
        // The notice's details quote the link itself (field names, values): not UI text.
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll('.link-notice__detail, .link-notice__field').forEach((e) => e.remove());
        return `${body.innerText}\n${attrs.join('\n')}`;
      }),
    );
  await grab();
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-dialog')).toContainText('学生链接');
  await grab();
  await page.getByTestId('share-close').click();
  await page.getByTestId('export-menu').click();
  await grab();
  const left = englishFragments().filter((f) => texts.some((t) => t.includes(f)));
  expect(left).toEqual([]);
});
