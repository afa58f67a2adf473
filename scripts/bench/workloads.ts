/**
 * The benchmark's workloads: Adam (lr 0.01, default betas) on Rosenbrock (a = 1, b = 100) from
 * starts spread over the view, measured as optimizer-steps per second (runs × steps / s).
 */
import { resolveExperiment, type ResolvedExperiment } from '../../src/core/experiment';
import { createEngine } from '../../src/engine/factory';
import { CpuEngine } from '../../src/engine/cpu/cpuEngine';
import { Population } from '../../src/engine/cpu/population';
import type { Engine } from '../../src/engine/types';

export interface Measure {
  readonly steps: number;
  readonly seconds: number;
  readonly note?: string;
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

/**
 * An engine as the UI drives it: recording on (default recorded runs), every run's position,
 * loss and status read back after each call, calls of `perCall` steps awaited one by one.
 * Timed from the steady state a running UI sees: two untimed calls first compile pipelines
 * and WebAssembly, touch buffers and let the JIT settle (a CPU worker's first call after
 * configure measured 2–3× slower than the next ones).
 */
async function driveEngine(engine: Engine, runs: number, steps: number, perCall: number): Promise<Measure> {
  const warmCalls = 2;
  await engine.configure(adamExperiment(warmCalls * perCall + steps), { record: true, replicas: { count: runs, starts: starts(runs) } });
  for (let i = 0; i < warmCalls; i++) await engine.step(perCall);
  const t0 = performance.now();
  let done = 0;
  while (done < steps) {
    const n = Math.min(perCall, steps - done);
    const s = await engine.step(n);
    if (s.x.length !== runs) throw new Error('snapshot lacks runs');
    done += n;
  }
  return { steps, seconds: (performance.now() - t0) / 1000 };
}

export async function gpuEngine(runs: number, steps: number, perCall: number): Promise<Measure> {
  const engine = await createEngine('gpu');
  try {
    if (engine.info.kind !== 'gpu') throw new Error('no WebGPU adapter');
    const m = await driveEngine(engine, runs, steps, perCall);
    // A fault would have moved the run to the CPU: that would not be a GPU figure.
    if (engine.info.kind !== 'gpu') throw new Error('the GPU engine faulted and fell back to the CPU');
    return m;
  } finally {
    engine.dispose();
  }
}

export async function cpuEngine(runs: number, steps: number, perCall: number): Promise<Measure & { workers: string }> {
  const engine = new CpuEngine();
  try {
    return { ...(await driveEngine(engine, runs, steps, perCall)), workers: engine.info.adapter };
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
