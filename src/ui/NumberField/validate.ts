/**
 * Validation of typed numbers against a schema range. Out-of-range input is refused with a
 * message, never clamped: a silently clamped learning rate would make a lesson lie.
 */

export interface NumberSpec {
  readonly min: number;
  readonly max: number;
  readonly scale: 'linear' | 'log';
  readonly kind?: 'real' | 'int' | 'bool';
  /**
   * The slider's own range, when it should cover less than the valid range (a step count valid
   * up to 100,000 slides over the race's budget; a log slider cannot reach a minimum of 0).
   * The slider's first position is always `min` itself (e.g. 0 = clipping off).
   */
  readonly slider?: { readonly min: number; readonly max: number; readonly scale: 'linear' | 'log' };
}

export type ParseResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly key: 'hyper.invalid' | 'hyper.outOfRange' | 'hyper.notInteger'; readonly vars: Record<string, string> };

/** Parses what the user typed ('1e-3', ' 0.5 ', '−2' with a typographic minus). */
export function parseNumberInput(text: string, spec: NumberSpec): ParseResult {
  const clean = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  const value = clean === '' ? Number.NaN : Number(clean);
  if (!Number.isFinite(value)) return { ok: false, key: 'hyper.invalid', vars: { value: text.trim() } };
  if (spec.kind === 'int' && !Number.isInteger(value)) return { ok: false, key: 'hyper.notInteger', vars: { value: clean } };
  if (value < spec.min || value > spec.max) {
    return { ok: false, key: 'hyper.outOfRange', vars: { value: clean, min: String(spec.min), max: String(spec.max) } };
  }
  return { ok: true, value };
}

/** Slider resolution: positions 0..SLIDER_STEPS. */
export const SLIDER_STEPS = 1000;

/** Slider position of a value; log sliders need a slider min > 0 (smaller values sit at 0). */
export function toSlider(value: number, spec: NumberSpec): number {
  const r = spec.slider ?? spec;
  const f =
    r.scale === 'log'
      ? (Math.log(value) - Math.log(r.min)) / (Math.log(r.max) - Math.log(r.min))
      : (value - r.min) / (r.max - r.min);
  return Math.round(Math.min(1, Math.max(0, f)) * SLIDER_STEPS);
}

/** Value at a slider position, rounded to 3 significant digits so it reads well. */
export function fromSlider(pos: number, spec: NumberSpec): number {
  const r = spec.slider ?? spec;
  if (pos <= 0) return spec.min;
  const f = pos / SLIDER_STEPS;
  const raw =
    r.scale === 'log'
      ? Math.exp(Math.log(r.min) + f * (Math.log(r.max) - Math.log(r.min)))
      : r.min + f * (r.max - r.min);
  if (spec.kind === 'int') return Math.round(raw);
  if (raw === 0) return 0;
  const v = Number(raw.toPrecision(3));
  // Rounding may step just past an end; the ends themselves are exact.
  return Math.min(r.max, Math.max(r.min, pos >= SLIDER_STEPS ? r.max : v));
}
