// Renders the PWA icons in public/ from public/favicon.svg with the test Chromium:
//   node scripts/icons.mjs
// Run it again after changing the favicon and commit the PNGs (the build does not draw them).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.mjs';

// The favicon's own background, so a full-bleed icon has no seam around the artwork.
const FILL = '#14213d';

/**
 * `scale` is the artwork's share of the square. Maskable icons keep it inside the 80 % safe
 * circle (the trajectory's tail reaches the favicon's corner, hence 0.7); Apple's touch icon
 * must be opaque (iOS paints transparency black) and gets its corners rounded by the system.
 */
const ICONS = [
  { file: 'pwa-192x192.png', size: 192, scale: 1, opaque: false },
  { file: 'pwa-512x512.png', size: 512, scale: 1, opaque: false },
  { file: 'maskable-icon-512x512.png', size: 512, scale: 0.7, opaque: true },
  { file: 'apple-touch-icon-180x180.png', size: 180, scale: 0.86, opaque: true },
];

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...chromiumArgs],
});
try {
  for (const { file, size, scale, opaque } of ICONS) {
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    const art = Math.round(size * scale);
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;` +
        `background:${opaque ? FILL : 'transparent'}"><img src="${src}" width="${art}" height="${art}"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(
      new URL(`../public/${file}`, import.meta.url),
      await page.screenshot({ omitBackground: !opaque }),
    );
    await page.close();
    console.log(`public/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
