/**
 * Pure placement of the few overlay labels (arrow and box captions) so they do not overlap:
 * greedy in order, each label moves down one line at a time until its box is clear of the
 * labels already placed. Widths are estimated from the character count (labels are short and
 * rendered at a fixed size), which keeps this pure and testable.
 */

export interface LabelBox {
  /** Anchor point (text x, baseline y) in px. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'end';
}

/** Average advance of one character at the overlay's 10.5 px font, px. */
export const CHAR_WIDTH = 6.2;
export const LINE_HEIGHT = 13;

function bounds(l: LabelBox, y: number): [number, number, number, number] {
  const w = l.text.length * CHAR_WIDTH;
  const x0 = l.anchor === 'start' ? l.x : l.x - w;
  return [x0, y - LINE_HEIGHT + 3, x0 + w, y + 3];
}

const overlap = (a: number[], b: number[]) =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The baseline y of each label after moving overlapping ones down (at most 8 lines). */
export function separateLabels(labels: readonly LabelBox[]): number[] {
  const placed: number[][] = [];
  return labels.map((l) => {
    let y = l.y;
    for (let tries = 0; tries < 8 && placed.some((p) => overlap(p, bounds(l, y))); tries++)
      y += LINE_HEIGHT;
    placed.push(bounds(l, y));
    return y;
  });
}
