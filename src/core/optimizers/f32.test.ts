import { describe, expect, it } from 'vitest';
import { F32_MIN_NORMAL, roundF32, roundF32Ftz } from './f32';

describe('float32 rounding', () => {
  it('F32_MIN_NORMAL is 2^-126 and an f32', () => {
    expect(F32_MIN_NORMAL).toBe(2 ** -126);
    expect(Math.fround(F32_MIN_NORMAL)).toBe(F32_MIN_NORMAL);
  });
  it('roundF32 keeps subnormals; roundF32Ftz flushes them with their sign', () => {
    const sub = 8.73625514598664e-41;
    expect(roundF32(sub)).toBe(Math.fround(sub));
    expect(roundF32(sub)).not.toBe(0);
    expect(Object.is(roundF32Ftz(sub), 0)).toBe(true);
    expect(Object.is(roundF32Ftz(-sub), -0)).toBe(true);
  });
  it('both agree on normal values, zeros and non-finite values', () => {
    for (const v of [0.1, -3.3, F32_MIN_NORMAL, -F32_MIN_NORMAL, 1e30, 0, -0, Infinity, -Infinity]) {
      expect(Object.is(roundF32Ftz(v), Math.fround(v))).toBe(true);
    }
    expect(roundF32Ftz(NaN)).toBeNaN();
  });
  it('a value that rounds up to the smallest normal is not flushed', () => {
    expect(roundF32Ftz(F32_MIN_NORMAL * (1 - 2 ** -30))).toBe(F32_MIN_NORMAL);
  });
});
