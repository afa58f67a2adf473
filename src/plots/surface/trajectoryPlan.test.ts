import { describe, expect, it } from 'vitest';
import {
  markerInterval,
  planTrajectoryDraw,
  trajectorySignature,
  type DrawnState,
} from './trajectoryPlan';
import type { SurfaceRun } from '../types';

const run = (
  id: string,
  length: number,
  x: Float64Array = new Float64Array(100),
  hidden = false,
): SurfaceRun => ({
  id,
  color: '#ff0000',
  hidden,
  x,
  y: new Float64Array(100),
  length,
  status: { kind: 'running' },
});

function drawnOf(runs: SurfaceRun[], sig: string): DrawnState {
  return {
    signature: sig,
    drawn: new Map(
      runs.map((r) => [r.id, { length: r.length, x: r.x, every: markerInterval(r.length) }]),
    ),
  };
}

describe('markerInterval', () => {
  it('1-2-5 steps keeping ≤ 40 marks', () => {
    expect([
      markerInterval(0),
      markerInterval(40),
      markerInterval(41),
      markerInterval(100),
      markerInterval(1000),
      markerInterval(10000),
    ]).toEqual([1, 1, 2, 5, 50, 500]);
  });
});

describe('planTrajectoryDraw', () => {
  const a = run('a', 10);
  const b = run('b', 10);
  const sig = trajectorySignature([a, b], 'frame');
  it('full on the first draw', () => {
    expect(planTrajectoryDraw(null, sig, [a, b]).kind).toBe('full');
  });
  it('none when nothing grew', () => {
    expect(planTrajectoryDraw(drawnOf([a, b], sig), sig, [a, b]).kind).toBe('none');
  });
  it('append from the last drawn sample of the runs that grew', () => {
    const a2 = { ...a, length: 15 };
    const plan = planTrajectoryDraw(drawnOf([a, b], sig), sig, [a2, b]);
    expect(plan.kind).toBe('append');
    if (plan.kind === 'append') expect([...plan.from]).toEqual([['a', 9]]);
  });
  it('full when the frame, a colour or visibility changes', () => {
    const prev = drawnOf([a, b], sig);
    expect(planTrajectoryDraw(prev, trajectorySignature([a, b], 'zoomed'), [a, b]).kind).toBe(
      'full',
    );
    const red = { ...b, color: '#00ff00' };
    expect(planTrajectoryDraw(prev, trajectorySignature([a, red], 'frame'), [a, red]).kind).toBe(
      'full',
    );
    const hid = { ...b, hidden: true };
    expect(planTrajectoryDraw(prev, trajectorySignature([a, hid], 'frame'), [a, hid]).kind).toBe(
      'full',
    );
  });
  it('full when a run was reset (shorter) or its buffer replaced', () => {
    const prev = drawnOf([a, b], sig);
    expect(planTrajectoryDraw(prev, sig, [{ ...a, length: 3 }, b]).kind).toBe('full');
    expect(
      planTrajectoryDraw(prev, sig, [{ ...a, x: new Float64Array(100), length: 12 }, b]).kind,
    ).toBe('full');
  });
  it('full when the marker interval changes', () => {
    const long = run('a', 40, a.x);
    const sigL = trajectorySignature([long], 'frame');
    expect(planTrajectoryDraw(drawnOf([long], sigL), sigL, [{ ...long, length: 41 }]).kind).toBe(
      'full',
    );
  });
});
