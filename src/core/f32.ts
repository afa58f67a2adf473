/**
 * float32 rounding functions for StepContext.r.
 *
 * WGSL lets implementations flush subnormal f32 values to zero, and SwiftShader does (measured
 * by e2e/gpu/optim.spec.ts: a value Math.fround keeps as 8.7e-41 comes back from the GPU as 0).
 * So a CPU float32 mode that must match the GPU bit for bit also flushes: `roundF32Ftz`.
 * Math.fround alone (IEEE gradual underflow) is the portable float32 semantics and agrees with
 * the GPU everywhere except in the subnormal range |v| < 2^-126.
 */

/** Smallest positive normal f32, 2^-126. */
export const F32_MIN_NORMAL = 1.1754943508222875e-38;

/** IEEE float32 rounding with gradual underflow (subnormals kept). */
export const roundF32: (v: number) => number = Math.fround;

/** float32 rounding, then subnormal results flushed to a zero of the same sign (GPU behaviour). */
export function roundF32Ftz(v: number): number {
  const f = Math.fround(v);
  if (f !== 0 && Math.abs(f) < F32_MIN_NORMAL) return f < 0 ? -0 : 0;
  return f;
}
