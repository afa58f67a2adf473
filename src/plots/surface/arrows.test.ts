import { describe, expect, it } from 'vitest';
import { arrowGeometry, boxGeometry, formatMagnification, magnification } from './arrows';

describe('magnification', () => {
  it('picks the 1-2-5 factor that lands in (0.4·target, target]', () => {
    expect(magnification(100, 100)).toBe(1);
    expect(magnification(30, 100)).toBe(2);
    expect(magnification(15, 100)).toBe(5);
    expect(magnification(0.003, 100)).toBe(20000);
    expect(magnification(1000, 100)).toBe(0.1);
    expect(magnification(450, 100)).toBe(0.2);
  });
  it('always lands in range', () => {
    for (const len of [1e-9, 3.3e-4, 0.77, 7, 41, 99.9, 2500, 7.7e8]) {
      const out = len * magnification(len, 80);
      expect(out).toBeGreaterThan(0.4 * 80 * (1 - 1e-12));
      expect(out).toBeLessThanOrEqual(80 * (1 + 1e-9));
    }
  });
  it('1 for zero, NaN or infinite lengths', () => {
    expect([magnification(0, 80), magnification(NaN, 80), magnification(Infinity, 80)]).toEqual([
      1, 1, 1,
    ]);
  });
  it('formats the factor for labels', () => {
    expect([
      formatMagnification(1),
      formatMagnification(20),
      formatMagnification(0.05),
      formatMagnification(2e6),
    ]).toEqual(['', '×20', '×0.05', '×2e+6']);
  });
});

describe('arrowGeometry', () => {
  it('draws the gradient downhill (−g), y flipped to pixels', () => {
    const a = arrowGeometry({ kind: 'gradient', dx: 1, dy: 0, label: '−∇f' }, 100, 100, 100);
    expect(a).toMatchObject({ px: -100, factor: 1, label: '−∇f' });
    expect(a!.py).toBeCloseTo(0, 12);
    const b = arrowGeometry({ kind: 'gradient', dx: 0, dy: 2, label: 'g' }, 10, 10, 100);
    // −g = (0, −2) → 20 px down → ×5 → 100 px down.
    expect(b).toMatchObject({ py: 100, factor: 5, label: 'g ×5' });
  });
  it('velocity and step are drawn as given (y up = pixels up)', () => {
    const v = arrowGeometry({ kind: 'step', dx: 0.01, dy: 0.01, label: 'Δθ' }, 100, 50, 60);
    expect(v!.px).toBeGreaterThan(0);
    expect(v!.py).toBeLessThan(0);
    expect(v!.px / -v!.py).toBeCloseTo(2, 12);
  });
  it('null for negligible vectors (would need more than ×1e9)', () => {
    expect(
      arrowGeometry({ kind: 'velocity', dx: 1e-50, dy: 0, label: '' }, 100, 100, 100),
    ).toBeNull();
    expect(
      arrowGeometry({ kind: 'velocity', dx: 1e-8, dy: 0, label: '' }, 100, 100, 100),
    ).not.toBeNull();
    expect(boxGeometry(1e-60, 1e-60, 100, 100, 100)).toBeNull();
  });
  it('null for zero or non-finite vectors', () => {
    expect(arrowGeometry({ kind: 'velocity', dx: 0, dy: 0, label: '' }, 1, 1, 50)).toBeNull();
    expect(arrowGeometry({ kind: 'velocity', dx: NaN, dy: 0, label: '' }, 1, 1, 50)).toBeNull();
  });
});

describe('boxGeometry', () => {
  it('magnifies the half-extents by the factor fitting the larger side', () => {
    expect(boxGeometry(0.1, 0.05, 100, 100, 100)).toEqual({ hw: 100, hh: 50, factor: 10 });
  });
  it('null for an empty box', () => {
    expect(boxGeometry(0, 0, 100, 100, 100)).toBeNull();
  });
});
