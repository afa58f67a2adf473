/**
 * A correctness check before the timings: the GPU engine and the CPU engine's float32 reference
 * (Population, 'f32') run the bench's workload from the same starts, and the final positions
 * are compared. Bit-identical on SwiftShader by the precision contract; on a hardware GPU the
 * driver may fuse a*b+c into FMA, so there the figure is a tolerance, reported, not asserted.
 */
import { Population } from '../../src/engine/cpu/population';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { adamExperiment, starts } from '../bench/workloads';

export interface ParityReport {
  readonly runs: number;
  readonly steps: number;
  /** Runs whose final x and y equal the CPU float32 reference exactly. */
  readonly identical: number;
  /** Largest |Δx| or |Δy| over the runs, and the largest relative to |θ|. */
  readonly maxAbsDiff: number;
  readonly maxRelDiff: number;
}

export async function parityCheck(runs: number, steps: number): Promise<ParityReport> {
  const exp = adamExperiment(steps);
  const s = starts(runs);
  const engine = await GpuEngine.create();
  if (!engine) throw new Error('no WebGPU adapter');
  try {
    await engine.configure(exp, { record: false, replicas: { count: runs, starts: s } });
    const gpu = await engine.step(steps);
    const cpu = new Population(exp, 'f32', 0, runs, s);
    cpu.advance(steps);
    let identical = 0;
    let maxAbsDiff = 0;
    let maxRelDiff = 0;
    for (let i = 0; i < runs; i++) {
      const dx = Math.abs(gpu.x[i] - cpu.x[i]);
      const dy = Math.abs(gpu.y[i] - cpu.y[i]);
      if (dx === 0 && dy === 0) identical++;
      const d = Math.max(dx, dy);
      // NaN (a diverged run on one side only) must show up, not vanish in Math.max.
      maxAbsDiff = Number.isNaN(d) ? NaN : Math.max(maxAbsDiff, d);
      maxRelDiff = Math.max(maxRelDiff, d / Math.max(1e-30, Math.hypot(cpu.x[i], cpu.y[i])));
    }
    return { runs, steps, identical, maxAbsDiff, maxRelDiff };
  } finally {
    engine.dispose();
  }
}
