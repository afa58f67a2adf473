/**
 * Time-boxed measurements: each row runs until it took at least `minSeconds` (or hit its step
 * cap), so a figure is never the launch overhead of a tiny run, and the whole bench stays short.
 */
import type { Row } from '../bench/bench';
import type { Measure } from '../bench/workloads';

export type { Row };

export interface TimeBox {
  /** Steps of the first try (e.g. predicted from the previous run count's rate). */
  readonly guess: number;
  readonly minSteps: number;
  readonly maxSteps: number;
  readonly minSeconds: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/**
 * Runs `measure(steps)`, growing steps until the run lasts `minSeconds` (6 tries at most, each
 * aiming 25 % past the mark). A workload capped below that (the GPU engine at the experiment's
 * step budget) is measured again at the cap until the repeats together last `minSeconds`;
 * their steps and seconds are summed and the note says how many repeats.
 */
export async function timeBoxed(measure: (steps: number) => Promise<Measure> | Measure, box: TimeBox): Promise<Measure> {
  let steps = clamp(box.guess, box.minSteps, box.maxSteps);
  for (let t = 0; ; t++) {
    const m = await measure(steps);
    if (m.seconds >= box.minSeconds || t >= 5) return m;
    if (steps >= box.maxSteps) return repeatAtCap(measure, m, steps, box.minSeconds);
    // Short runs are mostly fixed overhead, so they under-predict: grow at least 2×, at most 64×.
    const scale = m.seconds > 0 ? (1.25 * box.minSeconds) / m.seconds : 64;
    steps = clamp(steps * Math.min(64, Math.max(2, scale)), box.minSteps, box.maxSteps);
  }
}

async function repeatAtCap(measure: (steps: number) => Promise<Measure> | Measure, first: Measure, steps: number, minSeconds: number): Promise<Measure> {
  let total = first.steps;
  let seconds = first.seconds;
  let reps = 1;
  while (seconds < minSeconds && reps < 64) {
    const m = await measure(steps);
    total += m.steps;
    seconds += m.seconds;
    reps++;
  }
  const note = [first.note, `${reps} × ${steps} steps (step budget cap)`].filter(Boolean).join('; ');
  return { steps: total, seconds, note };
}

/** Steps that would take `seconds` at `rate` optimizer-steps/s over `runs` runs. */
export function predictSteps(rate: number | undefined, runs: number, seconds: number, fallback: number): number {
  return rate && rate > 0 ? (1.25 * seconds * rate) / runs : fallback;
}

/** 1234567 → '1.23 M' (optimizer-steps/s in the table). */
export function formatRate(v: number): string {
  if (v >= 1e9) return `${(v / 1e9).toFixed(2)} G`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} k`;
  return v.toFixed(0);
}
