/**
 * The GPU engine's dataset races (issue 12): the finite-sum race of core/finiteSum/dataRace.ts
 * with its full-batch sums — n per-sample gradients per run and step, the whole cost of a
 * full-batch run and of every recorded loss — computed on the GPU over the resident dataset
 * (./sampleGradients: per-sample kernel, fixed-order tree reduction, one submit per step for all
 * runs and ensemble members). The host takes each step's update (the mini-batch, SAG and SVRG
 * parts over B ≪ n samples, and the optimizer arithmetic) in float32-exact TypeScript, so where
 * the loss is a polynomial (linear regression) a GPU race equals the CPU engine's float32 race
 * bit for bit on SwiftShader, and logistic regression agrees to the kernels' stated tolerance.
 *
 * Readback is 12 bytes per run and step (the three means). Members beyond the device's grid
 * (65,535 rows) or partial-sum binding go in several submits of one step.
 */
import type { ResolvedExperiment } from '../../../core/experiment';
import { compileSampleLoss, sampleColumns } from '../../../core/finiteSum/sampleLoss';
import { dataRaceConfig } from '../../../core/finiteSum';
import { DataPopulation } from '../../cpu/dataPopulation';
import { decodeStatuses } from '../../runStatus';
import { currentSamples, StepSamples } from '../../stepSamples';
import type { ConfigureOptions, EngineSnapshot } from '../../types';
import { PARTIAL_BYTES, levelStrides } from './batchPlan';
import { createSampleGradients, type SampleGradients } from './sampleGradients';

/** Rows (runs × θ) of one submit within the device's grid and partial-sum binding. */
export function rowsPerSubmit(limits: Pick<GPUSupportedLimits, 'maxComputeWorkgroupsPerDimension' | 'maxStorageBufferBindingSize' | 'maxBufferSize'>, n: number): number {
  const blocks = levelStrides(n)[0];
  const bytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  return Math.max(1, Math.min(limits.maxComputeWorkgroupsPerDimension, Math.floor(bytes / (blocks * PARTIAL_BYTES))));
}

export class GpuDataRace {
  private constructor(
    private readonly pop: DataPopulation,
    private readonly gradients: SampleGradients,
    private readonly recordCount: number,
    private readonly rows: number,
    private readonly detail: boolean,
  ) {}

  /** Uploads the experiment's dataset and compiles its loss's kernels; the race is at step 0. */
  static async create(device: GPUDevice, exp: ResolvedExperiment, options: ConfigureOptions, exactGuards: boolean): Promise<GpuDataRace> {
    const config = dataRaceConfig(exp);
    if (!config) throw new Error(`${exp.objective.id} is not a dataset objective`);
    const loss = compileSampleLoss(config.loss);
    const gradients = await createSampleGradients(
      device,
      loss.formula,
      { n: config.dataset.n, columns: sampleColumns(loss, config.dataset, 'f32'), names: config.loss.params },
      { exactGuards },
    );
    try {
      const pop = new DataPopulation(exp, 'f32', { external: true });
      const recordCount = options.record ? Math.min(pop.count, options.recordRuns ?? 64) : 0;
      const race = new GpuDataRace(pop, gradients, recordCount, rowsPerSubmit(device.limits, config.dataset.n), exp.runs.length <= 64);
      await pop.initExternal(race.sums);
      return race;
    } catch (e) {
      gradients.destroy();
      throw e;
    }
  }

  /** [L, Gx, Gy] of the full batch at every θ (x, y per row), in submits of `rows` rows. */
  private readonly sums = async (thetas: Float64Array): Promise<Float32Array> => {
    const total = thetas.length / 2;
    if (total <= this.rows) return this.gradients.evaluate(Float32Array.from(thetas), [{ count: this.gradients.n }]);
    const out = new Float32Array(3 * total);
    for (let a = 0; a < total; a += this.rows) {
      const b = Math.min(total, a + this.rows);
      out.set(await this.gradients.evaluate(Float32Array.from(thetas.subarray(2 * a, 2 * b)), [{ count: this.gradients.n }]), 3 * a);
    }
    return out;
  };

  get step(): number {
    return this.pop.step;
  }

  /** Step 0 again: fresh states, θ_0 evaluated. */
  async reset(): Promise<EngineSnapshot> {
    this.pop.reset();
    await this.pop.initExternal(this.sums);
    return this.snapshot(this.recordCount > 0 ? currentSamples(this.pop, 0, this.recordCount) : undefined);
  }

  /** The snapshot after configure (step 0, the current values as its one sample). */
  initial(): EngineSnapshot {
    return this.snapshot(this.recordCount > 0 ? currentSamples(this.pop, this.pop.step, this.recordCount) : undefined);
  }

  async advance(n: number): Promise<EngineSnapshot> {
    const k0 = this.pop.step;
    const take = Math.max(0, Math.min(Math.floor(n), this.pop.steps - k0));
    if (this.recordCount === 0 || take === 0) {
      await this.pop.advanceExternal(take, 0, undefined, this.sums);
      return this.snapshot(this.recordCount > 0 ? { steps: new Int32Array(0), x: new Float64Array(0), y: new Float64Array(0), loss: new Float64Array(0), gradNorm: new Float64Array(0) } : undefined);
    }
    const rec = new StepSamples(this.pop, k0, take, this.recordCount);
    await this.pop.advanceExternal(take, this.recordCount, rec.record, this.sums);
    return this.snapshot(rec.samples());
  }

  private snapshot(samples: EngineSnapshot['samples']): EngineSnapshot {
    const p = this.pop;
    const cloud = p.band ? p.cloud() : null;
    return {
      step: p.step,
      x: p.x.slice(),
      y: p.y.slice(),
      loss: p.loss.slice(),
      gradNorm: p.gradNorm.slice(),
      status: decodeStatuses(p.code, p.codeStep),
      ...(samples ? { samples } : {}),
      ...(this.detail ? { state: Array.from({ length: p.count }, (_, i) => p.state(i).slice()), grad: p.grad.slice() } : {}),
      ...(cloud && p.band ? { cloud: { ...cloud, diverged: p.band.diverged.slice() } } : {}),
    };
  }

  destroy(): void {
    this.gradients.destroy();
  }
}
