import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from './format';

describe('formatNumber', () => {
  it('keeps ordinary values short and exact', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(0.9999)).toBe('0.9999');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.01 * (1 - 0.9))).toBe('0.001');
  });
  it('uses scientific notation for tiny and huge values, parseable back', () => {
    expect(formatNumber(1e-8)).toBe('1e-8');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(Number(formatNumber(2.5e6))).toBe(2.5e6);
  });
  it('shows non-finite values in words people recognise', () => {
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('∞');
  });
});
