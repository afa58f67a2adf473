import { describe, expect, it } from 'vitest';
import { ellipsize, wrapLabel } from './labelFit';

/** 7 px per Latin character, 13 px per CJK character. */
const width = (s: string) =>
  Array.from(s).reduce((a, ch) => a + (/[\u3000-\u9fff]/.test(ch) ? 13 : 7), 0);

describe('wrapLabel', () => {
  it('keeps a title that fits on one line', () => {
    expect(wrapLabel('Loss', 100, width)).toEqual(['Loss']);
  });
  it('wraps the distance title at spaces onto two lines that fit', () => {
    const lines = wrapLabel('Distance to nearest minimum', 120, width);
    expect(lines).toEqual(['Distance to', 'nearest minimum']);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(120);
  });
  it('shortens the last line with an ellipsis when two lines are not enough', () => {
    const lines = wrapLabel('Distance to nearest minimum', 60, width);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(60);
  });
  it('breaks Chinese between characters', () => {
    const lines = wrapLabel('到最近最小值的距离', 70, width);
    expect(lines).toEqual(['到最近最小', '值的距离']);
  });
  it('one line only: shortened', () => {
    expect(wrapLabel('Distance to nearest minimum', 80, width, 1)).toEqual(['Distance t…']);
  });
});

describe('ellipsize', () => {
  it('returns the text when it fits and the longest prefix with … when not', () => {
    expect(ellipsize('Step', 50, width)).toBe('Step');
    expect(width(ellipsize('Gradient norm', 50, width))).toBeLessThanOrEqual(50);
    expect(ellipsize('Gradient norm', 50, width)).toBe('Gradie…');
  });
});
