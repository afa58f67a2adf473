import { describe, expect, it } from 'vitest';
import { findPiles, pileLabel, pileRadius } from './piles';

const frame = { view: { x: [0, 100] as [number, number], y: [0, 100] as [number, number] }, width: 100, height: 100 };

describe('piles of a cloud', () => {
  it('a spot holding many points is a pile with its count; scattered points are not', () => {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      x.push(20.1);
      y.push(80.2);
    }
    for (let i = 0; i < 100; i++) {
      x.push(70 + (i % 2) * 0.5);
      y.push(30);
    }
    // Spread over the middle on a 1.5 × 3 px lattice: at most 8 per 6-px cell.
    for (let i = 0; i < 200; i++) {
      x.push(36.1 + (i % 20) * 1.5);
      y.push(36.1 + Math.floor(i / 20) * 3);
    }
    const piles = findPiles([{ x, y, length: x.length, color: '#ff0000' }], frame);
    expect(piles.map((p) => p.count)).toEqual([300, 100]);
    expect(piles[0].x).toBeCloseTo(20.1, 6);
    expect(piles[0].y).toBeCloseTo(19.8, 6);
    expect(piles[0].share).toBeCloseTo(0.5, 12);
  });
  it('ignores points that are not finite or outside the window, and small clouds', () => {
    const piles = findPiles([{ x: [NaN, 500, 1, 1, 1], y: [1, 1, 1, 1, 1], length: 5, color: '#000' }], frame);
    expect(piles).toEqual([]);
  });
  it('ring radius grows with the share; labels are compact', () => {
    expect(pileRadius(0)).toBe(6);
    expect(pileRadius(1)).toBe(18);
    expect(pileRadius(0.25)).toBe(12);
    expect(pileLabel(24834)).toBe('24.8k');
    expect(pileLabel(1024)).toBe('1,024');
  });
});
