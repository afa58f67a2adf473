import { describe, expect, it } from 'vitest';
import { colorLut, LUT_SIZE, lutColor, parseHex } from './palette';

const lum = (l: Uint8ClampedArray, i: number) =>
  0.2126 * l[4 * i] + 0.7152 * l[4 * i + 1] + 0.0722 * l[4 * i + 2];

describe('colorLut', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: opaque, low = dark, lightness increases monotonically`, () => {
      const l = colorLut(theme);
      expect(l.length).toBe(LUT_SIZE * 4);
      for (let i = 0; i < LUT_SIZE; i++) expect(l[4 * i + 3]).toBe(255);
      for (let i = 8; i < LUT_SIZE; i += 8) expect(lum(l, i)).toBeGreaterThan(lum(l, i - 8));
    });
  }
  it('light theme is lighter than dark at the low end', () => {
    expect(lum(colorLut('light'), 0)).toBeGreaterThan(lum(colorLut('dark'), 0));
  });
  it('lutColor clamps t', () => {
    const l = colorLut('dark');
    expect(lutColor(l, -1)).toBe(lutColor(l, 0));
    expect(lutColor(l, 2)).toBe(lutColor(l, 1));
  });
  it('parseHex', () => {
    expect(parseHex('#fde725')).toEqual({ r: 253, g: 231, b: 37 });
    expect(() => parseHex('red')).toThrow(/"red"/);
  });
});
