/**
 * Ensembles: members are the run on their own streams (member 0 is the run itself), and the
 * band is the mean and the 10 % / 90 % quantiles of the members' full-batch losses.
 */
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { expandEnsembles, groupBand, memberStream, quantileSorted } from './ensemble';
import { dataRaceConfig } from './experimentRace';
import { raceTraces } from './dataRace';

const exp = resolveExperiment({
  objective: { id: 'linear_regression', params: { n: 80 } },
  steps: 30,
  seed: 3,
  runs: [
    { optimizer: 'gd', hyper: { lr: 0.05 }, batch: { size: 1, seeds: 20 } },
    { optimizer: 'gd', hyper: { lr: 0.05 } },
  ],
});

describe('quantileSorted', () => {
  it('interpolates between order statistics (NumPy default)', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(quantileSorted(v, 11, 0.1)).toBe(2);
    expect(quantileSorted(v, 11, 0.9)).toBe(10);
    expect(quantileSorted([0, 10], 2, 0.25)).toBe(2.5);
    expect(quantileSorted([4], 1, 0.9)).toBe(4);
    expect(quantileSorted([], 0, 0.5)).toBeNaN();
  });
});

describe('groupBand', () => {
  it('leaves diverged members out and counts them', () => {
    const values = Float64Array.of(1, 99, 3, NaN, 2, Infinity);
    const out = groupBand(values, { run: 0, first: 2, extra: 4 }, new Float64Array(5), { mean: 0, lo: 0, hi: 0, nonFinite: 0 });
    // Members: 1 (the run), 3, NaN, 2, Infinity → finite 1, 2, 3.
    expect(out.mean).toBe(2);
    expect(out.nonFinite).toBe(2);
    expect(out.lo).toBeCloseTo(1.2, 12);
    expect(out.hi).toBeCloseTo(2.8, 12);
  });
});

describe('expandEnsembles', () => {
  it('appends members with distinct streams and keeps the runs first', () => {
    const base = dataRaceConfig(exp)!;
    const { config, groups } = expandEnsembles(base, [20, 1]);
    expect(config.runs.length).toBe(2 + 19);
    expect(groups).toEqual([{ run: 0, first: 2, extra: 19 }]);
    expect(config.runs.slice(0, 2)).toEqual(base.runs);
    const streams = config.runs.map((r) => r.stream);
    expect(new Set(streams).size).toBe(streams.length);
    expect(config.runs[2].stream).toBe(memberStream(0, 1));
  });

  it('members are the run on other batches: the run itself is unchanged, the members differ', () => {
    const base = dataRaceConfig(exp)!;
    const { config } = expandEnsembles(base, [20, 1]);
    const alone = raceTraces(base);
    const all = raceTraces(config);
    expect(Array.from(all[0].loss)).toEqual(Array.from(alone[0].loss));
    expect(Array.from(all[1].loss)).toEqual(Array.from(alone[1].loss));
    const finals = all.slice(2).map((t) => t.x[30]);
    expect(new Set(finals).size).toBe(19);
    expect(finals).not.toContain(all[0].x[30]);
  });
});
