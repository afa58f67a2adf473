import { describe, expect, it } from 'vitest';
import type { ScheduleConfig } from './experiment';
import { defaultSchedule, scheduleFactors } from './schedule';

const base: ScheduleConfig = { kind: 'constant', step_size: 10, gamma: 0.5, t_max: 100, min_factor: 0, warmup: 0 };

describe('scheduleFactors', () => {
  it('constant: all ones, length steps + 1', () => {
    const m = scheduleFactors(base, 5);
    expect([...m]).toEqual([1, 1, 1, 1, 1, 1]);
  });
  it('step: γ^⌊(t−1)/step_size⌋', () => {
    const m = scheduleFactors({ ...base, kind: 'step', step_size: 3, gamma: 0.1 }, 10);
    expect([m[1], m[3], m[4], m[6], m[7], m[10]]).toEqual([1, 1, 0.1, 0.1, 0.1 ** 2, 0.1 ** 3]);
  });
  it('exponential: γ^(t−1)', () => {
    const m = scheduleFactors({ ...base, kind: 'exponential', gamma: 0.9 }, 5);
    expect(m[1]).toBe(1);
    expect(m[2]).toBe(0.9);
    expect(m[5]).toBeCloseTo(0.6561, 15);
  });
  it('cosine: 1 at t=1, midpoint at t−1 = T/2, floor at and after T', () => {
    const m = scheduleFactors({ ...base, kind: 'cosine', t_max: 10, min_factor: 0.2 }, 15);
    expect(m[1]).toBe(1);
    expect(m[6]).toBeCloseTo(0.6, 15); // 0.2 + 0.8·(1 + cos(π/2))/2
    expect(m[11]).toBeCloseTo(0.2, 15);
    expect(m[15]).toBeCloseTo(0.2, 15);
  });
  it('warm-up multiplies by min(1, t/w) on top of any kind', () => {
    const m = scheduleFactors({ ...base, kind: 'exponential', gamma: 0.5, warmup: 4 }, 6);
    expect([m[1], m[2], m[4], m[5]]).toEqual([0.25, 0.5 * 0.5, 0.125, 0.0625]);
  });
  it('fails fast on bad values, naming them', () => {
    expect(() => scheduleFactors({ ...base, kind: 'step', step_size: 0 }, 3)).toThrow(/step_size: 0/);
    expect(() => scheduleFactors({ ...base, kind: 'cosine', t_max: 0 }, 3)).toThrow(/t_max/);
    expect(() => scheduleFactors(base, -1)).toThrow(/steps/);
  });
});

describe('defaultSchedule', () => {
  it('is constant and valid for every kind', () => {
    const d = defaultSchedule(200);
    expect(d.kind).toBe('constant');
    for (const kind of ['constant', 'step', 'exponential', 'cosine'] as const) {
      const m = scheduleFactors({ ...d, kind }, 200);
      expect(m.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    }
  });
});
