import { describe, expect, it } from 'vitest';
import {
  colorMapFor,
  colorNormalizer,
  colorPerplexity,
  gridStats,
  logEpsilon,
  LOG_EPS_REL,
  mapNormalizer,
  MIN_COLOR_PERPLEXITY,
  quantileKnots,
  RANK_KNOTS,
  sanitizeGrid,
} from './colorScale';

describe('gridStats', () => {
  it('ignores NaN and ±Infinity', () => {
    expect(gridStats([3, NaN, -1, Infinity, 7, -Infinity])).toEqual({ min: -1, max: 7, finite: 3 });
  });
  it('reports an all-non-finite grid', () => {
    expect(gridStats([NaN, Infinity])).toEqual({ min: 0, max: 0, finite: 0 });
  });
});

describe('sanitizeGrid', () => {
  it('NaN and +Inf become the max, −Inf the min, in a copy', () => {
    const raw = new Float64Array([1, NaN, 5, Infinity, -Infinity]);
    const s = sanitizeGrid(raw, gridStats(raw));
    expect(Array.from(s)).toEqual([1, 5, 5, 5, 1]);
    expect(Number.isNaN(raw[1])).toBe(true);
  });
});

describe('colorNormalizer', () => {
  it('linear: min → 0, max → 1, midpoint → 0.5, clamped outside', () => {
    const n = colorNormalizer('linear', { min: 2, max: 6, finite: 9 });
    expect([n(2), n(4), n(6), n(-100), n(100)]).toEqual([0, 0.5, 1, 0, 1]);
  });
  it('log: relative to the minimum, so a minimum of 3 (Goldstein–Price) maps like 0', () => {
    const a = colorNormalizer('log', { min: 0, max: 1e5, finite: 9 });
    const b = colorNormalizer('log', { min: 3, max: 3 + 1e5, finite: 9 });
    for (const d of [0, 1e-3, 1, 100, 1e5]) expect(b(3 + d)).toBeCloseTo(a(d), 9);
    // ε = 1 for a range of 1e5: log(1 + 1)/log(1e5 + 1) … each decade gets an equal share.
    expect(logEpsilon({ min: 0, max: 1e5, finite: 9 })).toBe(1e5 * LOG_EPS_REL);
    expect(a(0)).toBe(0);
    expect(a(1e5)).toBeCloseTo(1, 12);
    expect(a(1e5 * 1e-2)).toBeCloseTo(Math.log(1e3 + 1) / Math.log(1e5 + 1), 9);
  });
  it('log with negative values (Styblinski–Tang reaches −78)', () => {
    const n = colorNormalizer('log', { min: -78.3, max: 250, finite: 9 });
    expect(n(-78.3)).toBe(0);
    expect(n(250)).toBeCloseTo(1, 12);
    const mid = n(0);
    expect(mid).toBeGreaterThan(0.5);
    expect(mid).toBeLessThan(1);
  });
  it('all-equal grid maps to 0 (and non-finite to 1) without NaN', () => {
    for (const kind of ['linear', 'log'] as const) {
      const n = colorNormalizer(kind, { min: 4, max: 4, finite: 9 });
      expect(n(4)).toBe(0);
      expect(n(NaN)).toBe(1);
    }
  });
  it('NaN maps to the top of the scale, never NaN', () => {
    expect(colorNormalizer('linear', { min: 0, max: 1, finite: 2 })(NaN)).toBe(1);
    expect(colorNormalizer('log', { min: 0, max: 1, finite: 2 })(NaN)).toBe(1);
  });
});

describe('colorMapFor (rank scale for views one fixed scale paints in one colour)', () => {
  /** exp(exp(exp(x))) on x ∈ [−3, 1.8]: 2.86 to 1e260. */
  const tower = Float64Array.from({ length: 4000 }, (_, i) => Math.exp(Math.exp(Math.exp(-3 + (4.8 * i) / 3999))));
  const bowl = Float64Array.from({ length: 4000 }, (_, i) => ((i % 63) - 31) ** 2 + (Math.floor(i / 63) - 31) ** 2);

  it('ranks a view whose values span hundreds of decades, on either requested scale', () => {
    for (const kind of ['linear', 'log'] as const) {
      const before = colorPerplexity(Array.from(quantileKnots(tower), colorNormalizer(kind, gridStats(tower))));
      expect(before, kind).toBeLessThan(MIN_COLOR_PERPLEXITY);
      const map = colorMapFor(kind, tower);
      expect(map.scale).toBe('rank');
      const t = Array.from(tower, mapNormalizer(map));
      expect(colorPerplexity(t)).toBeGreaterThan(100);
      // Monotone: a higher value never gets a lower colour; ends at 0 and 1.
      for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBe(1);
    }
  });

  it('keeps the surface scale where it already shows the surface', () => {
    expect(colorMapFor('linear', bowl).scale).toBe('linear');
    expect(colorMapFor('log', bowl).scale).toBe('log');
  });

  it('keeps a genuinely flat view flat: a narrow well on a plateau is not ranked', () => {
    // Exactly 1 (in float64) outside |u| < 0.14: most of the view is truly flat.
    const well = Float64Array.from({ length: 4000 }, (_, i) => 1 - Math.exp(-2000 * (((i % 63) - 31) / 31) ** 2));
    expect(colorMapFor('linear', well).scale).toBe('linear');
  });

  it('rank colours: ties share the middle of their run; out-of-range and NaN clamp', () => {
    const map = colorMapFor('linear', tower);
    const norm = mapNormalizer(map);
    expect(norm(-1)).toBe(0);
    expect(norm(Infinity)).toBe(1);
    expect(norm(NaN)).toBe(1);
    const tied = mapNormalizer({ scale: 'rank', stats: { min: 0, max: 2, finite: 5 }, knots: Float64Array.from([0, 1, 1, 1, 2]) });
    expect(tied(1)).toBe(0.5);
    expect(tied(0.5)).toBe(0.125);
  });

  it('quantile knots keep both ends and at most RANK_KNOTS values, ignoring non-finite ones', () => {
    const k = quantileKnots([...tower, NaN, Infinity]);
    expect(k.length).toBe(RANK_KNOTS);
    expect(k[0]).toBe(tower[0]);
    expect(k[k.length - 1]).toBe(tower[tower.length - 1]);
  });
});
