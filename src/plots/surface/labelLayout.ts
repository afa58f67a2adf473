/**
 * Pure placement of the few overlay labels (arrow and box captions) so they do not overlap:
 * greedy in order, each label moves down one line at a time until its box is clear of the
 * labels already placed. Widths are estimated from the character count and the font size
 * (labels are short), which keeps this pure and testable.
 */

export interface LabelBox {
  /** Anchor point (text x, baseline y) in px. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'end';
}

/** Average advance of one character at the overlay's default 10.5 px font, px. */
export const CHAR_WIDTH = 6.2;
export const LINE_HEIGHT = 13;
/** The font size CHAR_WIDTH and LINE_HEIGHT are measured at, px. */
export const BASE_FONT_PX = 10.5;

function bounds(l: LabelBox, y: number, k: number): [number, number, number, number] {
  const w = l.text.length * CHAR_WIDTH * k;
  const x0 = l.anchor === 'start' ? l.x : l.x - w;
  return [x0, y - LINE_HEIGHT * k + 3, x0 + w, y + 3];
}

const overlap = (a: number[], b: number[]) =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * The baseline y of each label after moving overlapping ones down (at most 8 lines), for
 * labels set at `fontPx`.
 */
export function separateLabels(labels: readonly LabelBox[], fontPx = BASE_FONT_PX): number[] {
  const k = fontPx / BASE_FONT_PX;
  const placed: number[][] = [];
  return labels.map((l) => {
    let y = l.y;
    for (let tries = 0; tries < 8 && placed.some((p) => overlap(p, bounds(l, y, k))); tries++)
      y += LINE_HEIGHT * k;
    placed.push(bounds(l, y, k));
    return y;
  });
}
