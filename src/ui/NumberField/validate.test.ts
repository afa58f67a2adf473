import { describe, expect, it } from 'vitest';
import { fromSlider, parseNumberInput, SLIDER_STEPS, toSlider } from './validate';

const lr = { min: 1e-6, max: 10, scale: 'log' as const };
const beta = { min: 0, max: 0.9999, scale: 'linear' as const };

describe('parseNumberInput', () => {
  it('accepts plain and scientific numbers inside the range', () => {
    expect(parseNumberInput('0.01', lr)).toEqual({ ok: true, value: 0.01 });
    expect(parseNumberInput(' 1e-3 ', lr)).toEqual({ ok: true, value: 0.001 });
  });
  it('refuses out-of-range values with the range in the message, never clamping', () => {
    const r = parseNumberInput('50', lr);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.key).toBe('hyper.outOfRange');
      expect(r.vars).toMatchObject({ value: '50', min: '0.000001', max: '10' });
    }
    expect(parseNumberInput('-0.1', beta).ok).toBe(false);
  });
  it('refuses text that is not a number', () => {
    const r = parseNumberInput('abc', lr);
    expect(r.ok ? null : r.key).toBe('hyper.invalid');
    expect(parseNumberInput('', lr).ok).toBe(false);
  });
  it('refuses fractions for integer specs', () => {
    expect(parseNumberInput('2.5', { min: 1, max: 10, scale: 'linear', kind: 'int' }).ok).toBe(false);
  });
});

describe('slider mapping', () => {
  it('is logarithmic on log specs: a decade is a fixed slider distance', () => {
    const a = toSlider(1e-4, lr);
    const b = toSlider(1e-3, lr);
    const c = toSlider(1e-2, lr);
    expect(Math.abs(b - a - (c - b))).toBeLessThanOrEqual(1); // integer slider positions round
    expect(toSlider(1e-6, lr)).toBe(0);
    expect(toSlider(10, lr)).toBe(SLIDER_STEPS);
  });
  it('round-trips values to 3 significant digits and hits the exact ends', () => {
    expect(fromSlider(0, lr)).toBe(1e-6);
    expect(fromSlider(SLIDER_STEPS, lr)).toBe(10);
    const v = fromSlider(toSlider(0.01, lr), lr);
    expect(Math.abs(v - 0.01) / 0.01).toBeLessThan(0.02);
    expect(fromSlider(500, beta)).toBeCloseTo(0.49995, 3);
  });
});

describe('a slider range narrower than the valid range', () => {
  const clip = { min: 0, max: 1e6, scale: 'log' as const, slider: { min: 0.01, max: 1000, scale: 'log' as const } };
  const warmup = { min: 0, max: 100_000, scale: 'linear' as const, kind: 'int' as const, slider: { min: 0, max: 3000, scale: 'linear' as const } };
  it('puts the valid minimum (0 = off) at the first position of a log slider', () => {
    expect(fromSlider(0, clip)).toBe(0);
    expect(toSlider(0, clip)).toBe(0);
    expect(fromSlider(1, clip)).toBeGreaterThan(0.01);
    expect(fromSlider(SLIDER_STEPS / 2, clip)).toBe(3.16);
    expect(fromSlider(SLIDER_STEPS, clip)).toBe(1000);
  });
  it('slides over the narrower range; typed values beyond it stay valid and pin the slider', () => {
    expect(fromSlider(SLIDER_STEPS, warmup)).toBe(3000);
    expect(fromSlider(SLIDER_STEPS / 10, warmup)).toBe(300);
    expect(toSlider(300, warmup)).toBe(SLIDER_STEPS / 10);
    expect(parseNumberInput('50000', warmup).ok).toBe(true);
    expect(toSlider(50_000, warmup)).toBe(SLIDER_STEPS);
  });
});
