/**
 * Export / import (issue 11) against the built app: the header's Export menu downloads the
 * experiment (JSON), the surface and the loss chart (PNG, SVG), trajectories and loss curves
 * (CSV); Import experiment… reads a JSON file through the share link's validator.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../src/ui/export/csv';
import { captureErrors, currentStep, openApp, settledStep, waitForStep } from './fixtures';

interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Opens the Export menu and downloads one item (`export-<id>`). */
async function download(page: Page, id: string): Promise<Downloaded> {
  await page.getByTestId('export-menu').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}`).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Imports a file through the menu's Import item, as a person would (the file chooser). */
async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByTestId('export-menu').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('export-import').click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** Plays the default race (Rosenbrock, four runs) for some steps and pauses; the settled step. */
async function raceAndPause(page: Page, steps = 40): Promise<number> {
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  await page.getByTestId('play').click();
  await waitForStep(page, steps);
  await page.getByTestId('pause').click();
  return settledStep(page);
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parses an SVG file in the page: element counts, and whether it loads as an image on its own. */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate(async (svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const loads = await new Promise<boolean>((resolve) => {
      const img = new Image();
      img.onload = () => resolve(img.naturalWidth > 0);
      img.onerror = () => resolve(false);
      img.src = url;
    });
    URL.revokeObjectURL(url);
    return {
      parseError: doc.querySelector('parsererror') !== null,
      root: doc.documentElement.localName,
      images: Array.from(doc.querySelectorAll('image')).map((i) => (i.getAttribute('href') ?? '').slice(0, 22)),
      paths: doc.querySelectorAll('path').length,
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      loads,
    };
  }, text);
}

/** Distinct colours in a PNG, sampled on a grid in the page: a blank image has one or two. */
async function pngColours(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const seen = new Set<string>();
    for (let y = 0; y < c.height; y += 17) for (let x = 0; x < c.width; x += 17) seen.add(ctx.getImageData(x, y, 1, 1).data.join(','));
    return seen.size;
  }, bytes.toString('base64'));
}

/** The names the run list shows (a label, or the optimizer's name as the placeholder). */
async function runNames(page: Page): Promise<string[]> {
  const inputs = page.getByTestId('run-name');
  const n = await inputs.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const el = inputs.nth(i);
    out.push((await el.inputValue()) || ((await el.getAttribute('placeholder')) ?? ''));
  }
  return out;
}

test('trajectories CSV: one block per run, every step from the start point; loss curves agree', async ({ page }) => {
  const errors = captureErrors(page);
  const step = await raceAndPause(page);
  const names = await runNames(page);
  const start = page.getByTestId('start-point');
  const sx = Number(await start.getAttribute('data-x'));
  const sy = Number(await start.getAttribute('data-y'));

  const traj = await download(page, 'trajectories');
  expect(traj.name).toBe('gradscape-rosenbrock-trajectories.csv');
  const rows = parseCsv(traj.bytes.toString('utf8'));
  expect(rows[0]).toEqual(['run', 'label', 'optimizer', 'step', 'x', 'y', 'loss']);
  const body = rows.slice(1);
  expect(body.every((r) => r.length === 7)).toBe(true);
  // Blocks: runs 0..n−1 in order, each with steps 0..step, contiguous.
  const runs = [...new Set(body.map((r) => r[0]))];
  expect(runs).toEqual(names.map((_, i) => String(i)));
  expect(body.map((r) => r[0])).toEqual([...body.map((r) => r[0])].sort((a, b) => Number(a) - Number(b)));
  for (const [i, label] of names.entries()) {
    const block = body.filter((r) => r[0] === String(i));
    expect(block.map((r) => Number(r[3]))).toEqual(Array.from({ length: step + 1 }, (_, k) => k));
    expect(new Set(block.map((r) => r[1]))).toEqual(new Set([label]));
    // Step 0 is the start point (as float32 when the engine runs in float32, like the GPU).
    expect([sx, Math.fround(sx)]).toContain(Number(block[0][4]));
    expect([sy, Math.fround(sy)]).toContain(Number(block[0][5]));
    expect(block.every((r) => r.slice(4).every((v) => v !== '' && !Number.isNaN(Number(v))))).toBe(true);
    // Runs move: the last point is not the start.
    expect(block[step][4] !== block[0][4] || block[step][5] !== block[0][5]).toBe(true);
  }

  const curves = await download(page, 'loss-curves');
  expect(curves.name).toBe('gradscape-rosenbrock-loss-curves.csv');
  const wide = parseCsv(curves.bytes.toString('utf8'));
  expect(wide[0]).toEqual(['step', ...names]);
  expect(wide).toHaveLength(step + 2);
  for (const [i] of names.entries()) {
    const fromTraj = body.filter((r) => r[0] === String(i)).map((r) => r[6]);
    expect(wide.slice(1).map((r) => r[i + 1])).toEqual(fromTraj);
  }
  expect(errors).toEqual([]);
});

test('figures: PNG at ≥ 2× the view with the heatmap in it; SVG with the heatmap image under vector paths', async ({ page }) => {
  const errors = captureErrors(page);
  await raceAndPause(page, 20);
  const names = await runNames(page);

  const surfaceBox = (await page.getByTestId('surface-view').boundingBox())!;
  const png = await download(page, 'surface-png');
  expect(png.name).toBe('gradscape-rosenbrock-surface.png');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThanOrEqual(2 * Math.floor(surfaceBox.width));
  expect(size.height).toBeGreaterThanOrEqual(2 * Math.floor(surfaceBox.height));
  expect(await pngColours(page, png.bytes)).toBeGreaterThan(40);

  const svg = await download(page, 'surface-svg');
  expect(svg.name).toBe('gradscape-rosenbrock-surface.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toContain('var(');
  const s = await inspectSvg(page, text);
  expect(s.parseError).toBe(false);
  expect(s.root).toBe('svg');
  expect(s.images.length).toBeGreaterThanOrEqual(1);
  expect(s.images.every((h) => h.startsWith('data:image/png;base64'))).toBe(true);
  expect(s.paths).toBeGreaterThan(10);
  expect(s.texts).toEqual(expect.arrayContaining(['x', 'y', ...names]));
  expect(s.loads).toBe(true);

  const chartBox = (await page.getByTestId('chart-loss').boundingBox())!;
  const lossPng = await download(page, 'loss-png');
  expect(lossPng.name).toBe('gradscape-rosenbrock-loss.png');
  expect(pngSize(lossPng.bytes).width).toBeGreaterThanOrEqual(2 * Math.floor(chartBox.width));
  const lossSvg = await download(page, 'loss-svg');
  const l = await inspectSvg(page, lossSvg.bytes.toString('utf8'));
  expect(l.parseError).toBe(false);
  expect(l.paths).toBeGreaterThanOrEqual(names.length);
  expect(l.texts).toEqual(expect.arrayContaining(names));
  expect(l.loads).toBe(true);
  expect(errors).toEqual([]);
});

test('experiment JSON: export, edit, import; the race changes and the message names the bad field', async ({ page }) => {
  const errors = captureErrors(page);
  await raceAndPause(page, 20);
  const n = await page.getByTestId('run-row').count();
  const json = await download(page, 'experiment');
  expect(json.name).toBe('gradscape-rosenbrock-experiment.json');
  const exp = JSON.parse(json.bytes.toString('utf8'));
  expect(exp).toMatchObject({ version: 1, objective: { id: 'rosenbrock' } });
  expect(exp.runs).toHaveLength(n);

  exp.runs[0].hyper.lr = 0.0123;
  exp.runs[1].hyper.lr = -5;
  await importFile(page, 'edited.json', JSON.stringify(exp, null, 2));
  const msg = page.getByTestId('import-message');
  await expect(msg).toBeVisible();
  await expect(msg).toHaveAttribute('role', 'alert');
  await expect(msg).toHaveAttribute('data-kind', 'partial');
  await expect(msg).toContainText('edited.json');
  await expect(msg).toContainText('runs[1].hyper.lr');
  // A new race from step 0 with run 0's new learning rate.
  await expect.poll(() => currentStep(page)).toBe(0);
  const row0 = page.getByTestId('run-row').first();
  if (!(await row0.getByTestId('lr-input').isVisible())) await row0.getByTestId('run-expand').click();
  await expect(row0.getByTestId('lr-input')).toHaveValue('0.0123');
  await expect(page.getByTestId('run-row')).toHaveCount(n);
  await page.getByTestId('import-message-close').click();
  await expect(msg).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a file that is not JSON, or too large, is refused with a message and the race is untouched', async ({ page }) => {
  const errors = captureErrors(page);
  const step = await raceAndPause(page, 20);
  const before = await download(page, 'trajectories');

  await importFile(page, 'notes.json', 'these are my notes, not JSON');
  const msg = page.getByTestId('import-message');
  await expect(msg).toHaveAttribute('role', 'alert');
  await expect(msg).toHaveAttribute('data-kind', 'error');
  await expect(msg).toContainText('notes.json');
  await expect(msg).toContainText('not JSON');
  await expect(msg).toContainText('Nothing was changed');

  await importFile(page, 'huge.json', `{"pad":"${'x'.repeat(1_200_000)}"}`);
  await expect(msg).toContainText('huge.json');
  await expect(msg).toContainText('at most 1 MB');

  await importFile(page, 'list.json', '[1, 2, 3]');
  await expect(msg).toContainText('list.json');
  await expect(msg).toHaveAttribute('data-kind', 'error');

  expect(await currentStep(page)).toBe(step);
  const after = await download(page, 'trajectories');
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(errors).toEqual([]);
});

test('the menu works from the keyboard: Enter opens on the first item, arrows move, Escape returns focus', async ({ page }) => {
  const errors = captureErrors(page);
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const button = page.getByTestId('export-menu');
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('export-experiment')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-import')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByTestId('export-loss-curves')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-experiment')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('export-loss-curves')).toBeFocused();
  // → is the page's "one step" shortcut: inside the menu it does nothing.
  await page.keyboard.press('ArrowRight');
  expect(await currentStep(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-menu-list')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  // ↑ opens on the last item; Enter on an item downloads and closes the menu.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('export-loss-curves')).toBeFocused();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(dl.suggestedFilename()).toBe('gradscape-rosenbrock-loss-curves.csv');
  await expect(page.getByTestId('export-menu-list')).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(errors).toEqual([]);
});

test('on a 390 px phone the button is icon-only, named and on screen; the menu and the message stay on screen', async ({ page }) => {
  const errors = captureErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, 'engine=cpu&lang=en&autoplay=0');
  const button = page.getByTestId('export-menu');
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName(/Export/);
  const b = (await button.boundingBox())!;
  expect(b.width).toBeGreaterThanOrEqual(24);
  expect(b.height).toBeGreaterThanOrEqual(24);
  await expect(button).toBeInViewport({ ratio: 1 });
  // Icon only: the word is hidden, the aria-label names the button.
  await expect(button.locator('.export-menu__text')).toBeHidden();
  await button.click();
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    const r = (await items.nth(i).boundingBox())!;
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(390);
    expect(r.height).toBeGreaterThanOrEqual(24);
  }
  await page.keyboard.press('Escape');
  await importFile(page, 'bad.json', '{');
  const m = (await page.getByTestId('import-message').boundingBox())!;
  expect(m.x).toBeGreaterThanOrEqual(0);
  expect(m.x + m.width).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
});
