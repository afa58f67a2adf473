/**
 * The selected run's optimizer-state overlay, drawn at its current position: gradient (−g),
 * velocity and step arrows, and Adam's effective-step box, each magnified by a 1-2-5 factor
 * shown in its caption (see arrows.ts), captions kept apart (labelLayout.ts).
 */
import type { Selection } from 'd3-selection';
import { arrowGeometry, boxGeometry, TARGET_FRACTION, type ArrowGeometry } from './arrows';
import { BASE_FONT_PX, separateLabels, type LabelBox } from './labelLayout';
import type { Head } from './markers';
import { pixelDataSize, type PlotFrame } from './transform';
import type { PlotColors } from '../theme';
import type { SurfaceSelection } from '../types';

type G = Selection<SVGGElement, unknown, null, undefined>;

const ARROW_STYLE: Record<ArrowGeometry['kind'], { dash: string | null; width: number }> = {
  gradient: { dash: null, width: 2 },
  velocity: { dash: '5 3', width: 1.75 },
  step: { dash: null, width: 2.5 },
};

/** Shaft and head of an arrow from (0,0) to (px,py). */
function arrowParts(a: ArrowGeometry): { shaft: string; head: string } {
  const len = Math.hypot(a.px, a.py);
  const ux = a.px / len;
  const uy = a.py / len;
  const head = Math.min(9, len * 0.45);
  const bx = a.px - ux * head;
  const by = a.py - uy * head;
  const nx = -uy * head * 0.45;
  const ny = ux * head * 0.45;
  return {
    shaft: `M0,0L${bx},${by}`,
    head: `M${a.px},${a.py}L${bx + nx},${by + ny}L${bx - nx},${by - ny}Z`,
  };
}

/** The selected run's overlay: arrows (see arrows.ts for the scaling) and the step box. */
export function renderSelection(
  g: G,
  frame: PlotFrame,
  head: Head | undefined,
  sel: SurfaceSelection | undefined,
  colors: PlotColors,
  fontPx = BASE_FONT_PX,
): void {
  const [dxPx, dyPx] = pixelDataSize(frame);
  const target = TARGET_FRACTION * Math.min(frame.width, frame.height);
  const arrows =
    head && sel
      ? sel.arrows
          .map((a) => arrowGeometry(a, 1 / dxPx, 1 / dyPx, target))
          .filter((a): a is ArrowGeometry => a !== null)
      : [];
  const box =
    head && sel?.boxes ? boxGeometry(sel.boxes.w, sel.boxes.h, 1 / dxPx, 1 / dyPx, target) : null;
  g.attr('transform', head ? `translate(${head.px},${head.py})` : null).attr(
    'pointer-events',
    'none',
  );
  g.selectAll('rect.gs-stepbox')
    .data(box ? [box] : [])
    .join('rect')
    .attr('class', 'gs-stepbox')
    .attr('x', (b) => -b.hw)
    .attr('y', (b) => -b.hh)
    .attr('width', (b) => 2 * b.hw)
    .attr('height', (b) => 2 * b.hh)
    .attr('fill', head?.run.color ?? 'none')
    .attr('fill-opacity', 0.12)
    .attr('stroke', head?.run.color ?? 'none')
    .attr('stroke-dasharray', '3 2');
  // Captions: arrows at their tips (away from the arrow), the box above its top-left corner;
  // then moved apart where they collide.
  const captions: LabelBox[] = arrows.map((d) => ({
    x: d.px + (d.px >= 0 ? 6 : -6),
    y: d.py + (d.py >= 0 ? 12 : -5),
    text: d.label,
    anchor: d.px >= 0 ? 'start' : 'end',
  }));
  if (box && sel?.boxes)
    captions.push({
      x: -box.hw,
      y: -box.hh - 4,
      text: `${sel.boxes.label}${box.factor === 1 ? '' : ` ×${box.factor}`}`,
      anchor: 'start',
    });
  const ys = separateLabels(captions, fontPx);
  const placed = captions.map((c, i) => ({ ...c, y: ys[i] }));
  g.selectAll<SVGTextElement, LabelBox>('text.gs-caption')
    .data(placed)
    .join('text')
    .attr('class', 'gs-caption')
    .attr('x', (c) => c.x)
    .attr('y', (c) => c.y)
    .attr('text-anchor', (c) => c.anchor)
    .attr('font-size', fontPx)
    .attr('fill', colors.fg)
    .attr('stroke', colors.bg)
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .text((c) => c.text);
  const a = g
    .selectAll<SVGGElement, ArrowGeometry>('g.gs-arrow')
    .data(arrows, (d) => d.kind)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'gs-arrow');
      e.append('path').attr('class', 'halo');
      e.append('path').attr('class', 'line');
      e.append('path').attr('class', 'head');
      return e;
    })
    .attr('data-kind', (d) => d.kind);
  const ink = (d: ArrowGeometry) =>
    d.kind === 'gradient' ? colors.fg : (head?.run.color ?? colors.fg);
  a.select('path.halo')
    .attr('d', (d) => {
      const p = arrowParts(d);
      return p.shaft + p.head;
    })
    .attr('stroke', colors.bg)
    .attr('stroke-width', (d) => ARROW_STYLE[d.kind].width + 2.5)
    .attr('fill', colors.bg)
    .attr('stroke-linejoin', 'round')
    .attr('stroke-opacity', 0.8);
  a.select('path.line')
    .attr('d', (d) => arrowParts(d).shaft)
    .attr('fill', 'none')
    .attr('stroke', ink)
    .attr('stroke-width', (d) => ARROW_STYLE[d.kind].width)
    .attr('stroke-dasharray', (d) => ARROW_STYLE[d.kind].dash);
  a.select('path.head')
    .attr('d', (d) => arrowParts(d).head)
    .attr('fill', ink)
    .attr('stroke', ink)
    .attr('stroke-width', 1)
    .attr('stroke-linejoin', 'round');
  g.selectAll('text.gs-caption').raise();
}
