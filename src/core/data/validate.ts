/**
 * Fail-fast checks for generator options. Options arrive from share links and sliders, so a bad
 * value is reported with the function, the option's name and the value itself, never as a
 * NaN-filled dataset further down.
 */

/** How a value is shown in a message: numbers as written, anything else as JSON (or its type). */
function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

/**
 * Returns `value` when it is a finite number in [min, max] (an integer too when `integer`);
 * throws an Error like "generateRegression: n must be an integer in [10, 1000000], got 5.5".
 */
export function checkNumberOption(
  fn: string,
  name: string,
  value: unknown,
  { min, max, integer = false }: { min: number; max: number; integer?: boolean },
): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) throw new Error(`${fn}: ${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${show(value)}`);
  return value;
}

/** Returns `value` when it is a boolean; throws an Error naming the option and the value. */
export function checkBooleanOption(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Error(`${fn}: ${name} must be true or false, got ${show(value)}`);
  return value;
}
