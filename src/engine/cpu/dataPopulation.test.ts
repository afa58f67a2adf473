/**
 * The CPU engine's dataset runner steps the reference race (and records what the worker asks
 * for): full batch, mini-batch, SGD, SAG and SVRG runs of a linear regression, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../../core/experiment';
import { dataRaceConfig, expandEnsembles, raceTraces } from '../../core/finiteSum';
import { DataPopulation, ensembleSeeds, isDatasetExperiment } from './dataPopulation';

const exp = resolveExperiment({
  objective: { id: 'linear_regression', params: { n: 120, noise: 0.5 } },
  steps: 40,
  seed: 9,
  runs: [
    { optimizer: 'gd', hyper: { lr: 0.1 } },
    { optimizer: 'gd', hyper: { lr: 0.1 }, batch: { size: 8 } },
    { optimizer: 'gd', hyper: { lr: 0.1 }, batch: { size: 1, sampling: 'replacement' } },
    { optimizer: 'sag', hyper: { lr: 0.1 } , batch: { size: 1 } },
    { optimizer: 'svrg', hyper: { lr: 0.1, m: 20 }, batch: { size: 1 } },
  ],
});

describe('DataPopulation', () => {
  it('is chosen for dataset objectives only', () => {
    expect(isDatasetExperiment(exp)).toBe(true);
    expect(isDatasetExperiment(resolveExperiment({ objective: { id: 'booth' }, runs: [{ optimizer: 'gd' }] }))).toBe(false);
  });

  it('steps and records the reference race, and the batch regimes really differ', () => {
    const ref = raceTraces(dataRaceConfig(exp)!, 'f32');
    const pop = new DataPopulation(exp, 'f32');
    const seen: number[][] = exp.runs.map(() => []);
    for (const n of [7, 13, 20]) pop.advance(n, 3, (i, k) => seen[i].push(k, pop.x[i], pop.y[i]));
    for (let i = 0; i < exp.runs.length; i++) {
      expect(pop.x[i]).toBe(ref[i].x[40]);
      expect(pop.loss[i]).toBe(ref[i].loss[40]);
    }
    // Recorded runs only (the first 3), every step once, with that step's values.
    expect(seen.map((s) => s.length / 3)).toEqual([40, 40, 40, 0, 0]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 40; j++) expect(seen[i].slice(3 * j, 3 * j + 3)).toEqual([j + 1, ref[i].x[j + 1], ref[i].y[j + 1]]);
    // Full batch, mini-batch and SGD walk different paths from the same start.
    expect(new Set([ref[0].x[40], ref[1].x[40], ref[2].x[40]]).size).toBe(3);
    expect(pop.gradEvals[0]).toBe(40 * 120);
    expect(pop.gradEvals[1]).toBe(40 * 8);
  });

  it('refuses retune and restartRun (the store reconfigures a dataset race)', () => {
    const pop = new DataPopulation(exp, 'f64');
    expect(() => pop.retune(exp)).toThrow(/reconfigured/);
    expect(() => pop.restartRun(0, exp)).toThrow(/reconfigured/);
  });
});

describe('DataPopulation ensembles', () => {
  const ens = resolveExperiment({
    objective: { id: 'linear_regression', params: { n: 60 } },
    steps: 25,
    seed: 4,
    runs: [
      { optimizer: 'gd', hyper: { lr: 0.05 }, batch: { size: 1, seeds: 16 } },
      { optimizer: 'gd', hyper: { lr: 0.05 }, batch: { size: 0, seeds: 16 } },
    ],
  });

  it('shows R runs, a band from every member per step, and the cloud of members', () => {
    const pop = new DataPopulation(ens, 'f64');
    expect(pop.count).toBe(2);
    expect(pop.x.length).toBe(2);
    // The full batch has nothing to vary: no members for run 1.
    expect(ensembleSeeds(ens)).toEqual([16, 1]);
    const { config } = expandEnsembles(dataRaceConfig(ens)!, [16, 1]);
    const ref = raceTraces(config);
    const members = [0, ...Array.from({ length: 15 }, (_, j) => 2 + j)];
    const bands: number[][] = [];
    pop.advance(25, 2, (i, k) => {
      if (i === 0) bands.push([k, pop.band!.mean[0], pop.band!.lo[0], pop.band!.hi[0]]);
    });
    expect(bands.length).toBe(25);
    for (const [k, mean, lo, hi] of bands) {
      const losses = members.map((m) => ref[m].loss[k]).sort((a, b) => a - b);
      expect(mean).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / 16, 12);
      expect(lo).toBeLessThanOrEqual(mean);
      expect(hi).toBeGreaterThanOrEqual(mean);
      expect(lo).toBeGreaterThanOrEqual(losses[0]);
      expect(hi).toBeLessThanOrEqual(losses[15]);
    }
    // Stochastic members spread: the band has width once they have stepped.
    expect(bands[24][3] - bands[24][2]).toBeGreaterThan(0);
    expect(pop.band!.mean[1]).toBeNaN();
    const cloud = pop.cloud()!;
    expect(Array.from(cloud.offsets)).toEqual([0, 16, 16]);
    expect(cloud.x[0]).toBe(pop.x[0]);
    expect(cloud.x[5]).toBe(ref[members[5]].x[25]);
  });
});
