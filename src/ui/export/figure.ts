/**
 * Figures of the mounted plots, read from the DOM: a plot root (the surface view's or a line
 * chart's `.gs-plot` element) holds canvases (heatmap, trajectories) and one SVG (contours,
 * markers, axes, colour bar). The export composes them as the screen shows them, plus a
 * legend: SVG with the canvases as data-URL images under the vector overlay, or PNG at two or
 * more device pixels per CSS px.
 */
import { figureHeight, figureSvg, layoutLegend, type FigureParts, type LegendItem, type RasterLayer } from './svgDocument';
import { inlineStyle, resolveCssVars } from './svgStyle';

/** A layer's place in the figure, CSS px. */
type Box = Omit<RasterLayer, 'href'>;

/** PNG pixels per CSS px: at least 2, so a figure stays sharp on slides and in print. */
export function pngScale(devicePixelRatio: number): number {
  return Math.max(2, Math.ceil(devicePixelRatio || 1));
}

/** The canvases a plot shows (sized and displayed), bottom to top. */
function visibleCanvases(root: HTMLElement): HTMLCanvasElement[] {
  return Array.from(root.querySelectorAll<HTMLCanvasElement>(':scope > canvas')).filter(
    (c) => c.width > 0 && c.height > 0 && getComputedStyle(c).display !== 'none',
  );
}

/** Where a canvas is on screen relative to the plot root, CSS px. */
function boxOf(c: HTMLCanvasElement, origin: DOMRect): Box {
  const r = c.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}

/**
 * A copy of the live SVG that renders on its own: every element's computed presentation
 * styles inlined (custom properties resolved by the browser's cascade; any var() left in an
 * attribute resolved against the root), classes and interaction-only attributes dropped.
 */
function standaloneCopy(svg: SVGSVGElement, root: HTMLElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const rootStyle = getComputedStyle(root);
  const lookup = (name: string) => rootStyle.getPropertyValue(name);
  const computed = new Map<Element, CSSStyleDeclaration>();
  live.forEach((el, i) => {
    const copy = copies[i];
    const cs = getComputedStyle(el);
    computed.set(el, cs);
    const parent = el === svg ? null : computed.get(el.parentElement as Element);
    const style = inlineStyle(
      (p) => cs.getPropertyValue(p),
      parent ? (p) => parent.getPropertyValue(p) : null,
    );
    for (const a of Array.from(copy.attributes)) {
      if (a.value.includes('var(')) copy.setAttribute(a.name, resolveCssVars(a.value, lookup));
    }
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    if (style) copy.setAttribute('style', style);
    else copy.removeAttribute('style');
  });
  // Nested inside the figure's own <svg>: no clipping at its edge (the colour bar's labels may
  // reach into the margin), and its position comes from the figure, not from page CSS.
  clone.setAttribute('overflow', 'visible');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  return new XMLSerializer().serializeToString(clone);
}

/** A plot's figure: the vector parts, and the live canvases with their places. */
export interface Figure {
  readonly parts: Omit<FigureParts, 'rasters'>;
  /** Encoded only for the SVG file; the PNG draws them directly. */
  readonly canvases: readonly { readonly canvas: HTMLCanvasElement; readonly box: Box }[];
}

/**
 * Reads the figure of a mounted plot. Throws when the root holds no SVG (nothing drawn yet).
 * `legend`: the runs to list below the plot (visible runs, in race order).
 */
export function readFigure(root: HTMLElement, legend: readonly LegendItem[], title: string): Figure {
  const svg = root.querySelector<SVGSVGElement>(':scope > svg');
  if (!svg) throw new Error('readFigure: the plot has no SVG yet');
  const origin = root.getBoundingClientRect();
  const width = Math.round(origin.width);
  const height = Math.round(origin.height);
  const css = getComputedStyle(root);
  const background = css.getPropertyValue('--gs-bg').trim() || '#ffffff';
  const fontPx = parseFloat(css.fontSize) || 12;
  const fontFamily = css.fontFamily || 'system-ui, sans-serif';
  const ctx = document.createElement('canvas').getContext('2d');
  const textWidth = (t: string) => {
    if (!ctx) return t.length * fontPx * 0.6;
    ctx.font = `${fontPx}px ${fontFamily}`;
    return ctx.measureText(t).width;
  };
  const fg = css.getPropertyValue('--gs-fg').trim() || '#1a1f29';
  const canvases = visibleCanvases(root).map((canvas) => ({ canvas, box: boxOf(canvas, origin) }));
  const parts: Figure['parts'] = {
    width,
    height,
    background,
    plotSvg: standaloneCopy(svg, root),
    legend: layoutLegend(legend, width, { fontPx, fontFamily, color: fg, textWidth }),
    title,
  };
  return { parts, canvases };
}

/** The figure as an SVG file. */
export function figureSvgBlob(f: Figure): Blob {
  const rasters = f.canvases.map(({ canvas, box }) => ({ ...box, href: canvas.toDataURL('image/png') }));
  return new Blob([figureSvg({ ...f.parts, rasters })], { type: 'image/svg+xml;charset=utf-8' });
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('figure: the SVG overlay could not be rendered'));
    img.src = url;
  });
}

/**
 * The figure as a PNG at `scale` px per CSS px: background, the canvases drawn directly, then
 * the vector overlay and legend rendered by the browser at the output size (an SVG image, so
 * text and lines are rasterised sharp, not scaled up).
 */
export async function figurePngBlob(f: Figure, scale: number): Promise<Blob> {
  const w = f.parts.width;
  const h = figureHeight(f.parts);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('figure: no 2D canvas context for the PNG');
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = f.parts.background;
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  for (const { canvas: c, box } of f.canvases) ctx.drawImage(c, box.x, box.y, box.width, box.height);
  // The overlay without the background and rasters, which are already on the canvas.
  const overlay = figureSvg({ ...f.parts, background: 'none', rasters: [], scale });
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(overlay)}`);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('figure: the PNG could not be encoded'))), 'image/png');
  });
}
