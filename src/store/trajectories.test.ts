import { describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../engine/types';
import { TrajectoryBuffer } from './trajectories';

function snap(step: number, xs: number[], samples?: { steps: number[]; x: number[] }): EngineSnapshot {
  const n = xs.length;
  const f = (v: number[]) => Float64Array.from(v);
  return {
    step,
    x: f(xs),
    y: f(xs.map(() => 0)),
    loss: f(xs.map((x) => x * x)),
    gradNorm: f(xs.map((x) => Math.abs(2 * x))),
    status: Array.from({ length: n }, () => ({ kind: 'running' as const })),
    samples: samples && {
      steps: Int32Array.from(samples.steps),
      x: f(samples.x),
      y: f(samples.x.map(() => 0)),
      loss: f(samples.x.map((x) => x * x)),
      gradNorm: f(samples.x.map((x) => Math.abs(2 * x))),
    },
  };
}

describe('TrajectoryBuffer', () => {
  it('puts the configure snapshot at index 0 and appends samples run-major', () => {
    const b = new TrajectoryBuffer(2, [{ x: 0, y: 0 }], 2);
    b.ingest(snap(0, [1, -1]));
    // Two runs, samples for steps 1..3, flattened [run][sample].
    b.ingest(snap(3, [0.4, -0.4], { steps: [1, 2, 3], x: [0.8, 0.6, 0.4, -0.8, -0.6, -0.4] }));
    expect(b.length).toBe(4);
    expect(Array.from(b.runs[0].x.subarray(0, 4))).toEqual([1, 0.8, 0.6, 0.4]);
    expect(Array.from(b.runs[1].x.subarray(0, 4))).toEqual([-1, -0.8, -0.6, -0.4]);
    expect(b.runs[1].loss[2]).toBeCloseTo(0.36);
    expect(b.runs[1].dist[3]).toBeCloseTo(0.4);
    expect(b.runs[0].x.length).toBeGreaterThanOrEqual(4); // grew past the initial capacity of 2
  });

  it('without samples writes the current value at its step and holds values across a gap', () => {
    const b = new TrajectoryBuffer(1, []);
    b.ingest(snap(0, [2]));
    b.ingest(snap(3, [1]));
    expect(b.length).toBe(4);
    expect(Array.from(b.runs[0].x.subarray(0, 4))).toEqual([2, 2, 2, 1]);
    expect(b.runs[0].dist[0]).toBe(Infinity); // no known minimum
  });

  it('ignores samples it already has (a replayed snapshot does not duplicate steps)', () => {
    const b = new TrajectoryBuffer(1, []);
    b.ingest(snap(0, [1]));
    b.ingest(snap(2, [0.5], { steps: [1, 2], x: [0.7, 0.5] }));
    b.ingest(snap(2, [0.5], { steps: [1, 2], x: [9, 9] }));
    expect(b.length).toBe(3);
    expect(b.runs[0].x[1]).toBe(0.7);
  });

  it('a restarted run starts its series again at its own step 0; the others keep theirs', () => {
    const b = new TrajectoryBuffer(2, []);
    b.ingest(snap(0, [1, -1]));
    b.ingest(snap(2, [0.5, -0.5], { steps: [1, 2], x: [0.7, 0.5, -0.7, -0.5] }));
    b.restartRun(1, 2, 3, 0, 9, 6);
    expect([b.lengthOf(0), b.lengthOf(1)]).toEqual([3, 1]);
    expect(b.runs[1].x[0]).toBe(3);
    // Global steps 3..5 land at run 1's local steps 1..3; the gap at 4 holds its last value.
    b.ingest(snap(3, [0.4, 2], { steps: [3], x: [0.4, 2] }));
    b.ingest(snap(5, [0.2, 1]));
    expect(b.length).toBe(6);
    expect([b.lengthOf(0), b.lengthOf(1)]).toEqual([6, 4]);
    expect(Array.from(b.runs[0].x.subarray(0, 6))).toEqual([1, 0.7, 0.5, 0.4, 0.4, 0.2]);
    expect(Array.from(b.runs[1].x.subarray(0, 4))).toEqual([3, 2, 2, 1]);
    expect(() => b.restartRun(0, 3, 0, 0, 0, 0)).toThrow('steps 0..5');
  });
});

describe('TrajectoryBuffer ensemble bands', () => {
  it('stores each run’s band per step, holds it across a gap and grows with the series', () => {
    const b = new TrajectoryBuffer(2, [], 2);
    expect(b.runs[0].band).toBeUndefined();
    const withBand = (s: EngineSnapshot, mean: number[], lo: number[], hi: number[]): EngineSnapshot => ({
      ...s,
      samples: { ...s.samples!, band: { mean: Float64Array.from(mean), lo: Float64Array.from(lo), hi: Float64Array.from(hi) } },
    });
    b.ingest(withBand(snap(0, [1, 2], { steps: [0], x: [1, 2] }), [5, NaN], [4, NaN], [6, NaN]));
    b.ingest(withBand(snap(3, [1, 2], { steps: [1, 2, 3], x: [1, 1, 1, 2, 2, 2] }), [4, 3, 2, NaN, NaN, NaN], [3, 2, 1, NaN, NaN, NaN], [5, 4, 3, NaN, NaN, NaN]));
    // A snapshot without samples (a gap): the band holds its last value.
    b.ingest(snap(5, [1, 2]));
    expect(b.length).toBe(6);
    const band = b.runs[0].band!;
    expect(Array.from(band.mean.subarray(0, 6))).toEqual([5, 4, 3, 2, 2, 2]);
    expect(Array.from(band.lo.subarray(0, 4))).toEqual([4, 3, 2, 1]);
    expect(Array.from(band.hi.subarray(0, 4))).toEqual([6, 5, 4, 3]);
    expect(b.runs[1].band!.mean[2]).toBeNaN();
  });
});
