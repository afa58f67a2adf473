/**
 * Offline (issue 11): after one visit the service worker has precached the build, and the app
 * opens and races with no network at all. Also: the web app manifest is served, relative (the
 * site may live in a sub-folder) and names installable icons.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, openApp, waitForStep } from './fixtures';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Waits until the service worker has precached the build, is active and controls this page. */
async function waitForControl(page: Page): Promise<void> {
  // Activation comes after the precache is complete, so from here the whole build is cached.
  await expect
    .poll(
      () =>
        page.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none',
        ),
      {
        message: 'a service worker is installed and active',
        timeout: 30_000,
      },
    )
    .toBe('activated');
  // clientsClaim: the first visit's page is taken over too (no reload needed), so lazy chunks
  // still load if the network drops during that first visit.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 10_000,
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

test('the app loads and races offline after a first visit (service worker)', async ({
  page,
  context,
}) => {
  const errors = captureErrors(page);
  await openApp(page);
  await waitForControl(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('./', page.url()).href);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const response = await page.reload();
  // The page itself came from the cache, not the (unreachable) server.
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.getByTestId('engine-badge')).toHaveAttribute('data-kind', 'cpu');
  await expect(page.getByTestId('run-row')).toHaveCount(4);
  // The CPU engine's Web Worker (a separate chunk) loads from the cache too: the race steps.
  await waitForStep(page, 30);
  await expect(page.getByTestId('chart-loss')).toBeVisible();

  // A share-style link with other options, opened fresh while offline, also works.
  await page.goto('/?engine=cpu&lang=zh-CN&theme=dark');
  await expect(page.getByTestId('surface-view')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await waitForStep(page, 10);
  expect(errors).toEqual([]);
});

test('the web app manifest is linked, relative and names installable icons', async ({
  page,
  context,
}) => {
  const errors = captureErrors(page);
  await openApp(page);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifestUrl = new URL(href!, page.url()).href;
  const res = await page.request.get(manifestUrl);
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({
    name: 'Gradscape',
    short_name: 'Gradscape',
    start_url: '.',
    scope: './',
    display: 'standalone',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const img = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(img.ok(), icon.src).toBe(true);
    expect(img.headers()['content-type']).toBe('image/png');
    // The PNG's own header says the size the manifest claims.
    const body = await img.body();
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  const appleIcon = await page.locator('link[rel=apple-touch-icon]').getAttribute('href');
  expect((await page.request.get(new URL(appleIcon!, page.url()).href)).ok()).toBe(true);

  // Installed apps start offline too: the manifest and its icons are in the precache.
  await waitForControl(page);
  await context.setOffline(true);
  const offline = await page.evaluate(
    async ([url, icon]) => {
      const m = (await (await fetch(url)).json()) as { name: string };
      return { name: m.name, icon: (await fetch(new URL(icon, url))).ok };
    },
    [manifestUrl, manifest.icons[0].src] as const,
  );
  expect(offline).toEqual({ name: 'Gradscape', icon: true });
  expect(errors).toEqual([]);
});
