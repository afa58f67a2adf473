/**
 * Dataset races on the GPU engine (window.dataRaceHarness): GpuEngine runs a linear or logistic
 * regression race — full batch, mini-batch, SGD, SAG, SVRG, an ensemble — and every recorded
 * step, band value, member position and status is compared with the CPU engine's reference
 * (DataPopulation in f32, the same code the CPU worker runs).
 */
import { resolveExperiment } from '../../src/core/experiment';
import { DataPopulation } from '../../src/engine/cpu/dataPopulation';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { decodeStatuses } from '../../src/engine/runStatus';
import { StepSamples } from '../../src/engine/stepSamples';
import type { EngineSnapshot } from '../../src/engine/types';

export interface DataRaceCase {
  readonly objective: 'linear_regression' | 'logistic_regression';
  readonly n: number;
  readonly steps: number;
  /** Steps per engine call (uneven calls cross the host/GPU boundary differently). */
  readonly calls: readonly number[];
  readonly seeds?: number;
}

export interface DataRaceResult {
  readonly runs: number;
  readonly compared: number;
  readonly mismatches: number;
  readonly maxRel: number;
  readonly first: string | null;
  readonly statusMismatch: number;
  readonly bandSteps: number;
  readonly cloudSize: number;
  readonly spread: number;
  readonly validation: string | null;
  readonly gpuMs: number;
}

function experiment(c: DataRaceCase) {
  const lr = c.objective === 'linear_regression' ? 0.05 : 0.5;
  return resolveExperiment({
    objective: { id: c.objective, params: { n: c.n } },
    steps: c.steps,
    seed: 7,
    gradTol: 0,
    runs: [
      { optimizer: 'gd', hyper: { lr } },
      { optimizer: 'adam', hyper: { lr: 0.05 }, batch: { size: 16 } },
      { optimizer: 'sgd', hyper: { lr, momentum: 0.9 }, batch: { size: 1, sampling: 'replacement', seeds: c.seeds ?? 1 } },
      { optimizer: 'sag', hyper: { lr: lr / 2 }, batch: { size: 4 } },
      { optimizer: 'svrg', hyper: { lr, m: 10 }, batch: { size: 2 } },
      { optimizer: 'gd', hyper: { lr: 10 } },
    ],
  });
}

async function runCase(c: DataRaceCase): Promise<DataRaceResult | null> {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const exp = experiment(c);
  const R = exp.runs.length;
  gpu.device.pushErrorScope('validation');
  const t0 = performance.now();
  const snaps: EngineSnapshot[] = [await gpu.configure(exp, { record: true })];
  for (const n of c.calls) snaps.push(await gpu.step(n));
  const gpuMs = performance.now() - t0;
  const err = await gpu.device.popErrorScope();
  gpu.dispose();

  // The CPU reference: the same runner, its sums from batchValue in f32.
  const ref = new DataPopulation(exp, 'f32');
  const refSamples = new StepSamples(ref, 0, c.steps, R);
  ref.advance(c.steps, R, refSamples.record);
  const want = refSamples.samples();

  let compared = 0, mismatches = 0, maxRel = 0, bandSteps = 0;
  let first: string | null = null;
  const cmp = (what: string, g: number, w: number) => {
    compared++;
    if (g === w || (g !== g && w !== w)) return;
    mismatches++;
    first ??= `${what}: gpu ${g} cpu ${w}`;
    const rel = Number.isFinite(g) && Number.isFinite(w) ? Math.abs(g - w) / (1 + Math.abs(w)) : Infinity;
    maxRel = Math.max(maxRel, rel);
  };
  let at = 0;
  for (const s of snaps.slice(1)) {
    const sm = s.samples!;
    const k = sm.steps.length;
    for (let j = 0; j < k; j++) {
      const step = sm.steps[j];
      for (let i = 0; i < R; i++) {
        for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) cmp(`run ${i} step ${step} ${f}`, sm[f][i * k + j], want[f][i * c.steps + step - 1]);
        if (sm.band && want.band && Number.isFinite(want.band.mean[i * c.steps + step - 1])) {
          bandSteps++;
          for (const f of ['mean', 'lo', 'hi'] as const) cmp(`run ${i} step ${step} band.${f}`, sm.band[f][i * k + j], want.band[f][i * c.steps + step - 1]);
        }
      }
    }
    at += k;
  }
  const last = snaps[snaps.length - 1];
  const wantStatus = decodeStatuses(ref.code, ref.codeStep);
  let statusMismatch = at === c.steps ? 0 : 1;
  last.status.forEach((st, i) => { if (JSON.stringify(st) !== JSON.stringify(wantStatus[i])) statusMismatch++; });
  const cloud = last.cloud;
  const refCloud = ref.cloud();
  let spread = 0;
  if (cloud && refCloud) {
    for (let j = 0; j < cloud.x.length; j++) {
      cmp(`cloud ${j} x`, cloud.x[j], refCloud.x[j]);
      cmp(`cloud ${j} y`, cloud.y[j], refCloud.y[j]);
    }
    const xs = Array.from(cloud.x);
    spread = Math.max(...xs) - Math.min(...xs);
  }
  return {
    runs: R, compared, mismatches, maxRel, first, statusMismatch, bandSteps,
    cloudSize: cloud ? cloud.x.length : 0, spread, validation: err ? err.message : null, gpuMs,
  };
}

declare global {
  interface Window { dataRaceHarness: { runCase(c: DataRaceCase): Promise<DataRaceResult | null> } }
}
window.dataRaceHarness = { runCase };
