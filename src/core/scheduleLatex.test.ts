import { describe, expect, it } from 'vitest';
import { defaultSchedule } from './schedule';
import { clipLatex, scheduleLatex } from './scheduleLatex';

const base = defaultSchedule(100);

describe('scheduleLatex', () => {
  it('is null for a constant lr without warm-up', () => {
    expect(scheduleLatex(base, 0.01)).toBeNull();
  });
  it('writes each kind with its values', () => {
    expect(scheduleLatex({ ...base, kind: 'step', gamma: 0.5, step_size: 10 }, 0.01)).toBe('\\alpha_t = 0.01 \\cdot 0.5^{\\lfloor (t-1)/10 \\rfloor}');
    expect(scheduleLatex({ ...base, kind: 'exponential', gamma: 0.99 }, 0.02)).toBe('\\alpha_t = 0.02 \\cdot 0.99^{\\,t-1}');
    expect(scheduleLatex({ ...base, kind: 'cosine', t_max: 300, min_factor: 0.1 }, 0.01)).toContain('0.1 + 0.9\\cdot');
    expect(scheduleLatex({ ...base, kind: 'cosine', t_max: 300 }, 0.01)).toContain('\\min(t-1,\\,300)}{300}');
  });
  it('appends the warm-up ramp, alone on a constant lr', () => {
    expect(scheduleLatex({ ...base, warmup: 20 }, 0.001)).toBe('\\alpha_t = 0.001 \\cdot \\min(1,\\, t/20)');
    expect(scheduleLatex({ ...base, kind: 'exponential', gamma: 0.9, warmup: 5 }, 0.001)).toMatch(/0\.9\^\{\\,t-1\} \\cdot \\min\(1,\\, t\/5\)$/);
  });
});

describe('clipLatex', () => {
  it('is null when off and names the max norm when on', () => {
    expect(clipLatex(0)).toBeNull();
    expect(clipLatex(2.5)).toContain('\\frac{2.5}{\\lVert g_t \\rVert_2 + 10^{-6}}');
  });
});
