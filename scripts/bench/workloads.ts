/**
 * The benchmark's workloads: Adam (lr 0.01, default betas) on Rosenbrock (a = 1, b = 100) from
 * starts spread over the view, measured as optimizer-steps per second (runs × steps / s).
 */
import { MAX_STEPS, resolveExperiment, type ResolvedExperiment } from '../../src/core/experiment';
import { createEngine } from '../../src/engine/factory';
import { CpuEngine } from '../../src/engine/cpu/cpuEngine';
import { Population } from '../../src/engine/cpu/population';
import type { Engine } from '../../src/engine/types';
import { catchUpFrames, SPEEDS, stepsForFrame } from '../../src/store/playback';

export interface Measure {
  readonly steps: number;
  readonly seconds: number;
  readonly note?: string;
  /** Engine rows: the steps of each timed step(n) call. */
  readonly calls?: readonly number[];
}

/** Starts on a lattice over Rosenbrock's view [-2, 2] × [-1, 3]. */
export function starts(count: number): Float64Array {
  const side = Math.ceil(Math.sqrt(count));
  const s = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    s[2 * i] = -2 + (4 * ((i % side) + 0.5)) / side;
    s[2 * i + 1] = -1 + (4 * (Math.floor(i / side) + 0.5)) / side;
  }
  return s;
}

export function adamExperiment(steps: number): ResolvedExperiment {
  return resolveExperiment({ objective: { id: 'rosenbrock' }, steps, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });
}

/** Milliseconds per animation frame at 60 Hz, as the runner's requestAnimationFrame ticks. */
const FRAME_MS = 1000 / 60;

/**
 * How a measurement sizes its step(n) calls: `'ui'`, as the app's runner does at its top speed
 * (src/store/runner.ts and ./playback: 100 steps per frame, and after a call that took longer
 * than a frame, the frames it missed, at most 4 in all: calls of 100 to 400 steps), or a fixed
 * number of steps per call.
 */
export type Driving = 'ui' | { readonly perCall: number };

/** Steps the next call asks for, after a call of `prevMs` (undefined: the first call). */
export function callSteps(driving: Driving, prevMs: number | undefined): number {
  if (driving !== 'ui') return driving.perCall;
  const missed = prevMs === undefined ? 0 : Math.floor(prevMs / FRAME_MS);
  return stepsForFrame(0, SPEEDS[SPEEDS.length - 1] * catchUpFrames(missed), Infinity).n;
}

/** Timed calls of a measurement: at least this many, so no figure is one call's luck. */
export const MIN_TIMED_CALLS = 3;

/** Steps of the largest call `driving` asks for. */
const largestCall = (driving: Driving): number => (driving === 'ui' ? callSteps('ui', Infinity) : driving.perCall);

/**
 * An engine as the UI drives it: recording on (default recorded runs), every run's position,
 * loss and status read back after each call, calls sized by `driving` and awaited one by one,
 * until at least `steps` steps and MIN_TIMED_CALLS calls are done ('ui'), or exactly `steps`
 * steps (a fixed size; the last call is cut to fit), within the experiment's step limit
 * (MAX_STEPS). Timed from the steady state a running UI sees: two untimed calls first compile
 * pipelines and WebAssembly, touch buffers, let the JIT settle (a CPU worker's first call after
 * configure measured 2–3× slower than the next ones) and, for 'ui', find the call size (they
 * are cut short where the limit leaves no room for them). The UI waits for the next animation
 * frame between calls; the bench does not (it measures the engine, not the display's refresh).
 */
async function driveEngine(engine: Engine, runs: number, steps: number, driving: Driving): Promise<Measure> {
  const warmCalls = 2;
  const timed = Math.max(steps, driving === 'ui' ? MIN_TIMED_CALLS * largestCall(driving) : 0) + largestCall(driving);
  const warmMax = Math.max(1, Math.floor((MAX_STEPS - Math.min(timed, MAX_STEPS - warmCalls)) / warmCalls));
  const budget = Math.min(MAX_STEPS, warmCalls * Math.min(largestCall(driving), warmMax) + timed);
  let at = (await engine.configure(adamExperiment(budget), { record: true, replicas: { count: runs, starts: starts(runs) } })).step;
  let prevMs: number | undefined;
  const call = async (n: number): Promise<number> => {
    const t = performance.now();
    const s = await engine.step(n);
    prevMs = performance.now() - t;
    if (s.x.length !== runs) throw new Error('snapshot lacks runs');
    const moved = s.step - at;
    at = s.step;
    return moved;
  };
  for (let i = 0; i < warmCalls; i++) await call(Math.min(callSteps(driving, prevMs), warmMax));
  const sizes: number[] = [];
  const t0 = performance.now();
  let done = 0;
  while ((driving === 'ui' ? done < steps || sizes.length < MIN_TIMED_CALLS : done < steps) && at < budget) {
    const n = driving === 'ui' ? callSteps(driving, prevMs) : Math.min(driving.perCall, steps - done);
    const moved = await call(n);
    sizes.push(moved);
    done += moved;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (done === 0) throw new Error('no steps measured (the step budget was spent warming up)');
  return { steps: done, seconds, calls: sizes };
}

export async function gpuEngine(runs: number, steps: number, driving: Driving): Promise<Measure> {
  const engine = await createEngine('gpu');
  try {
    if (engine.info.kind !== 'gpu') throw new Error('no WebGPU adapter');
    const m = await driveEngine(engine, runs, steps, driving);
    // A fault would have moved the run to the CPU: that would not be a GPU figure.
    if (engine.info.kind !== 'gpu') throw new Error('the GPU engine faulted and fell back to the CPU');
    return m;
  } finally {
    engine.dispose();
  }
}

export async function cpuEngine(runs: number, steps: number, driving: Driving): Promise<Measure & { workers: string }> {
  const engine = new CpuEngine();
  try {
    return { ...(await driveEngine(engine, runs, steps, driving)), workers: engine.info.adapter };
  } finally {
    engine.dispose();
  }
}

/** The baseline: a plain single-thread loop, hand-written Adam on Rosenbrock in float64. */
export function plainLoop(runs: number, steps: number): Measure {
  const s = starts(runs);
  const x = new Float64Array(runs), y = new Float64Array(runs);
  const mx = new Float64Array(runs), my = new Float64Array(runs), vx = new Float64Array(runs), vy = new Float64Array(runs);
  for (let i = 0; i < runs; i++) { x[i] = s[2 * i]; y[i] = s[2 * i + 1]; }
  const lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, a = 1, b = 100;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    let px = x[i], py = y[i], m1 = mx[i], m2 = my[i], v1 = vx[i], v2 = vy[i], b1t = 1, b2t = 1;
    for (let k = 0; k < steps; k++) {
      const r = py - px * px;
      const gx = -2 * (a - px) - 4 * b * px * r, gy = 2 * b * r;
      b1t *= b1; b2t *= b2;
      m1 = b1 * m1 + (1 - b1) * gx; m2 = b1 * m2 + (1 - b1) * gy;
      v1 = b2 * v1 + (1 - b2) * gx * gx; v2 = b2 * v2 + (1 - b2) * gy * gy;
      px -= (lr * (m1 / (1 - b1t))) / (Math.sqrt(v1 / (1 - b2t)) + eps);
      py -= (lr * (m2 / (1 - b1t))) / (Math.sqrt(v2 / (1 - b2t)) + eps);
    }
    x[i] = px; y[i] = py; mx[i] = m1; my[i] = m2; vx[i] = v1; vy[i] = v2;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { steps, seconds, note: `x[0] = ${x[0].toFixed(4)}` };
}

/** The CPU engine's own step code (reference semantics, f32) on one thread, no workers. */
export function referenceLoop(runs: number, steps: number): Measure {
  const p = new Population(adamExperiment(steps), 'f32', 0, runs, starts(runs));
  const t0 = performance.now();
  p.advance(steps);
  return { steps, seconds: (performance.now() - t0) / 1000 };
}
