/**
 * Learning-rate schedules as a table of float64 multipliers m[t], t = 1..steps (m[0] = 1 is
 * unused). The simulator uses lr_t = r(r(lr)·r(m[t])); the GPU reads the same table as f32, so
 * pow and cos never run on the GPU.
 */
import type { ScheduleConfig } from './experiment';

function check(ok: boolean, what: string, value: unknown): void {
  if (!ok) throw new Error(`Invalid schedule ${what}: ${String(value)}`);
}

/**
 * Multipliers for steps 1..steps:
 * constant 1; step γ^⌊(t−1)/step_size⌋; exponential γ^(t−1);
 * cosine m_min + (1 − m_min)(1 + cos(π·min(t−1, T)/T))/2; then warm-up w > 0 multiplies by min(1, t/w).
 */
export function scheduleFactors(s: ScheduleConfig, steps: number): Float64Array {
  check(Number.isInteger(steps) && steps >= 0, 'steps', steps);
  check(Number.isFinite(s.warmup) && s.warmup >= 0, 'warmup', s.warmup);
  const m = new Float64Array(steps + 1).fill(1);
  for (let t = 1; t <= steps; t++) {
    let f: number;
    switch (s.kind) {
      case 'constant':
        f = 1;
        break;
      case 'step':
        check(Number.isInteger(s.step_size) && s.step_size >= 1, 'step_size', s.step_size);
        f = Math.pow(s.gamma, Math.floor((t - 1) / s.step_size));
        break;
      case 'exponential':
        f = Math.pow(s.gamma, t - 1);
        break;
      case 'cosine': {
        check(s.t_max > 0, 't_max', s.t_max);
        const tc = Math.min(t - 1, s.t_max);
        f = s.min_factor + ((1 - s.min_factor) * (1 + Math.cos((Math.PI * tc) / s.t_max))) / 2;
        break;
      }
      default:
        throw new Error(`Unknown schedule kind: ${String((s as { kind: unknown }).kind)}`);
    }
    if (s.warmup > 0) f *= Math.min(1, t / s.warmup);
    m[t] = f;
  }
  return m;
}

/**
 * The default schedule for an experiment of `steps` steps: constant, with sensible values ready
 * for when the user switches kind (step: halve every quarter; cosine over the whole run).
 */
export function defaultSchedule(steps: number): ScheduleConfig {
  return {
    kind: 'constant',
    step_size: Math.max(1, Math.ceil(steps / 4)),
    gamma: 0.5,
    t_max: Math.max(1, steps),
    min_factor: 0,
    warmup: 0,
  };
}
