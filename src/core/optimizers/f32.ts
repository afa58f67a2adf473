/** Re-export: float32 rounding lives in src/core/f32.ts (the formula compiler uses it too). */
export { F32_MIN_NORMAL, roundF32, roundF32Ftz } from '../f32';
