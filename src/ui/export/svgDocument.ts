/**
 * Standalone SVG figures as strings (no DOM): a background, raster layers as data-URL images
 * (the surface's heatmap and trajectory canvases), the plot's own SVG on top, and a legend of
 * the runs below it, which the page shows elsewhere (the run list) but a figure must carry.
 */
import { escapeXml } from './svgStyle';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A raster layer placed at (x, y), width × height, in figure px. */
export interface RasterLayer {
  readonly href: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One legend entry. */
export interface LegendItem {
  readonly label: string;
  /** CSS colour of the run. */
  readonly color: string;
}

export interface LegendStyle {
  readonly fontPx: number;
  readonly fontFamily: string;
  readonly color: string;
  /** Text width in px at fontPx (canvas measureText in the page, an estimate in tests). */
  readonly textWidth: (text: string) => number;
}

/** A laid-out legend: its markup (at y = 0) and height. */
export interface LegendLayout {
  readonly markup: string;
  readonly height: number;
}

const PAD = 12;
const SWATCH = 16;
const SWATCH_GAP = 6;
const ITEM_GAP = 18;

/**
 * Lays the items out left to right in rows no wider than `width`, a colour swatch (a short
 * line, like the curves) before each label. No items: height 0.
 */
export function layoutLegend(items: readonly LegendItem[], width: number, style: LegendStyle): LegendLayout {
  if (items.length === 0) return { markup: '', height: 0 };
  const lineH = Math.ceil(style.fontPx * 1.6);
  const max = Math.max(1, width - 2 * PAD);
  let x = 0;
  let rowIndex = 0;
  const parts: string[] = [];
  for (const it of items) {
    const w = SWATCH + SWATCH_GAP + style.textWidth(it.label);
    if (x > 0 && x + w > max) {
      x = 0;
      rowIndex++;
    }
    const cy = PAD / 2 + rowIndex * lineH + lineH / 2;
    const x0 = PAD + x;
    parts.push(
      `<g><line x1="${x0}" x2="${x0 + SWATCH}" y1="${cy}" y2="${cy}" stroke="${escapeXml(it.color)}" stroke-width="3" stroke-linecap="round"/>` +
        `<text x="${x0 + SWATCH + SWATCH_GAP}" y="${cy}" dominant-baseline="central">${escapeXml(it.label)}</text></g>`,
    );
    x += w + ITEM_GAP;
  }
  const height = Math.ceil(PAD + (rowIndex + 1) * lineH);
  const font = `font-family="${escapeXml(style.fontFamily)}" font-size="${style.fontPx}" fill="${escapeXml(style.color)}"`;
  return { markup: `<g class="gs-legend" ${font}>${parts.join('')}</g>`, height };
}

export interface FigureParts {
  /** The plot's size in px (the legend goes below it). */
  readonly width: number;
  readonly height: number;
  /** Concrete CSS colour behind everything. */
  readonly background: string;
  readonly rasters: readonly RasterLayer[];
  /** The plot's serialized <svg> element (styles inlined), drawn at (0, 0). */
  readonly plotSvg: string;
  readonly legend: LegendLayout;
  /** Accessible title of the file. */
  readonly title: string;
  /** Output px per figure px (the file's width/height attributes; the viewBox stays in figure px). */
  readonly scale?: number;
}

/** Total height of a figure: the plot and its legend. */
export function figureHeight(p: Pick<FigureParts, 'height' | 'legend'>): number {
  return p.height + p.legend.height;
}

/** The standalone SVG document of a figure. */
export function figureSvg(p: FigureParts): string {
  const w = p.width;
  const h = figureHeight(p);
  const s = p.scale ?? 1;
  const images = p.rasters
    .map((r) => `<image x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" preserveAspectRatio="none" href="${escapeXml(r.href)}"/>`)
    .join('');
  const legend = p.legend.height > 0 ? `<g transform="translate(0,${p.height})">${p.legend.markup}</g>` : '';
  return (
    `<svg xmlns="${SVG_NS}" width="${w * s}" height="${h * s}" viewBox="0 0 ${w} ${h}">` +
    `<title>${escapeXml(p.title)}</title>` +
    `<rect width="${w}" height="${h}" fill="${escapeXml(p.background)}"/>` +
    images +
    p.plotSvg +
    legend +
    `</svg>`
  );
}
