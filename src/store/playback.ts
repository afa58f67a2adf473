/**
 * Playback step accounting, pure. Speed is "steps per frame": 0.25× means one step every four
 * frames, 100× means 100 steps per frame. Fractions carry over in an accumulator so the
 * long-run rate is exact and no frame asks for a fractional step.
 */

/** Speeds offered by the speed control, in steps per frame. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100];

/**
 * Frames a late request catches up: after a step(n) that took longer than a frame, the next
 * request covers the frames it missed, up to this many (then the race runs slower than its
 * speed instead of asking ever larger calls).
 */
export const MAX_CATCH_UP_FRAMES = 4;

/**
 * Frames' worth of steps the runner asks for after a step(n) that kept it busy through
 * `missedFrames` animation frames (src/store/runner.ts counts them): the frame it asks in, plus
 * those it missed, at most MAX_CATCH_UP_FRAMES in all. With stepsForFrame this sizes the app's
 * step(n) calls, which the benchmark drives the engines with (scripts/bench/workloads.ts).
 */
export function catchUpFrames(missedFrames: number): number {
  return 1 + Math.min(Math.max(0, Math.floor(missedFrames)), MAX_CATCH_UP_FRAMES - 1);
}

export interface FrameSteps {
  /** Whole steps to request this frame (0 = nothing this frame). */
  readonly n: number;
  /** Fraction carried to the next frame. */
  readonly carry: number;
}

/**
 * Steps for one animation frame. `remaining` is the budget left (steps until the experiment's
 * step count); the request never exceeds it, and the carry is dropped when the budget ends.
 */
export function stepsForFrame(carry: number, speed: number, remaining: number): FrameSteps {
  if (remaining <= 0 || !(speed > 0)) return { n: 0, carry: 0 };
  const total = carry + speed;
  const n = Math.floor(total + 1e-9);
  if (n >= remaining) return { n: remaining, carry: 0 };
  return { n, carry: Math.max(0, total - n) };
}

/** True when the race has nothing left to do: budget spent or every run finished. */
export function raceFinished(step: number, budget: number, statusKinds: readonly string[]): boolean {
  if (step >= budget) return true;
  return statusKinds.length > 0 && statusKinds.every((k) => k !== 'running');
}

/** Nearest offered speed index for a value (for keyboard +/− and URL values). */
export function speedIndex(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEEDS.length; i++) {
    if (Math.abs(Math.log(SPEEDS[i] / speed)) < Math.abs(Math.log(SPEEDS[best] / speed))) best = i;
  }
  return best;
}

/**
 * Steps per second from a sliding window of (time ms, cumulative steps) marks; the window is
 * trimmed to the last `windowMs`.
 */
export class RateMeter {
  private marks: { t: number; steps: number }[] = [];
  constructor(private readonly windowMs = 1000) {}

  add(t: number, steps: number): void {
    this.marks.push({ t, steps });
    while (this.marks.length > 2 && t - this.marks[0].t > this.windowMs) this.marks.shift();
  }

  reset(): void {
    this.marks = [];
  }

  /** Steps per second, or 0 before two marks exist. */
  rate(): number {
    if (this.marks.length < 2) return 0;
    const a = this.marks[0];
    const b = this.marks[this.marks.length - 1];
    const dt = b.t - a.t;
    return dt > 0 ? ((b.steps - a.steps) * 1000) / dt : 0;
  }
}
