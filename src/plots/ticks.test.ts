import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { compactSpecifier, labelsFit, planTicks, tickCount } from './ticks';

/** 7 px per character: a 12 px font's digits. */
const width = (s: string) => s.length * 7;

describe('tickCount', () => {
  it('fits as many labels as the axis holds, label plus gap each', () => {
    expect(tickCount(600, 40, 20)).toBe(10);
    expect(tickCount(600, 100, 20)).toBe(5);
    expect(tickCount(599, 40, 20)).toBe(9);
  });
  it('keeps at least two ticks, also for a short axis or bad input', () => {
    expect(tickCount(50, 40, 20)).toBe(2);
    expect(tickCount(0, 40, 20)).toBe(2);
    expect(tickCount(Number.NaN, 40, 20)).toBe(2);
    expect(tickCount(600, Number.POSITIVE_INFINITY, 20)).toBe(2);
  });
});

describe('labelsFit', () => {
  it('needs half of each neighbour plus the gap between tick positions', () => {
    expect(labelsFit([0, 50, 100], [40, 40, 40], 10)).toBe(true);
    expect(labelsFit([0, 49, 100], [40, 40, 40], 10)).toBe(false);
  });
});

describe('planTicks', () => {
  const fits = (scale: (v: number) => number, labels: string[], values: number[], gap: number) =>
    labelsFit(
      values.map((v) => scale(v)),
      labels.map(width),
      gap,
    );

  it('keeps the everyday ticks of a wide axis', () => {
    const x = scaleLinear().domain([-2, 2]).range([0, 800]);
    const p = planTicks(x, 800, width, 14, compactSpecifier([-2, 2]));
    expect(p.labels).toEqual(['−2', '−1.5', '−1', '−0.5', '0', '0.5', '1', '1.5', '2']);
  });

  it('zoomed far out, drops ticks until the long labels no longer overlap', () => {
    const x = scaleLinear().domain([-4.3e14, 4.1e14]).range([0, 400]);
    const naive = x.ticks(Math.round(400 / 60)).map((v) => x.tickFormat(10, '~g')(v));
    // The old rule (one tick per 60 px) overlaps here: that is the defect.
    expect(fits(x, naive, x.ticks(Math.round(400 / 60)), 14)).toBe(false);
    const p = planTicks(x, 400, width, 14, compactSpecifier(x.domain() as [number, number]));
    expect(p.values.length).toBeGreaterThanOrEqual(2);
    expect(fits(x, p.labels, p.values, 14)).toBe(true);
    expect(p.labels.every((l) => /e\+14$|^0$/.test(l))).toBe(true);
  });

  it('fits on a very short axis with a single tick at worst', () => {
    const x = scaleLinear().domain([0, 1.234567e9]).range([0, 60]);
    const p = planTicks(x, 60, width, 14, '~g');
    expect(p.values.length).toBeGreaterThanOrEqual(1);
    expect(fits(x, p.labels, p.values, 14)).toBe(true);
  });

  it('a vertical axis spaces ticks by the line height', () => {
    const y = scaleLinear().domain([0, 10]).range([300, 0]);
    const p = planTicks(y, 300, () => 16, 10, '~g');
    expect(fits(y, p.labels.map(() => 'xx'), p.values, 10 + 16 - 14)).toBe(true);
    expect(p.values.length).toBeGreaterThanOrEqual(6);
    expect(p.values.length).toBeLessThanOrEqual(12);
  });

  it('takes a formatter per count', () => {
    const x = scaleLinear().domain([0, 3000]).range([0, 600]);
    const p = planTicks(x, 600, width, 14, () => (v) => `${v / 1000}k`);
    expect(p.labels[0]).toBe('0k');
    expect(p.labels[p.labels.length - 1]).toBe('3k');
  });
});

describe('compactSpecifier', () => {
  it('uses fixed notation for everyday magnitudes and exponents far from them', () => {
    expect(compactSpecifier([-2, 2])).toBe('~f');
    expect(compactSpecifier([0, 2500])).toBe('~f');
    expect(compactSpecifier([-3e5, 3e5])).toBe('~g');
    expect(compactSpecifier([1e-6, 3e-4])).toBe('~g');
    expect(compactSpecifier([0, 0])).toBe('~f');
  });
});
