import { describe, expect, it } from 'vitest';
import { catchUpFrames, MAX_CATCH_UP_FRAMES, RateMeter, raceFinished, SPEEDS, speedIndex, stepsForFrame } from './playback';

/** Runs `frames` frames at `speed` and returns the steps requested per frame. */
function schedule(speed: number, frames: number, budget = Infinity): number[] {
  let carry = 0;
  let done = 0;
  const out: number[] = [];
  for (let f = 0; f < frames; f++) {
    const r = stepsForFrame(carry, speed, budget - done);
    carry = r.carry;
    done += r.n;
    out.push(r.n);
  }
  return out;
}

describe('playback step accounting', () => {
  it('0.25× asks for one step every fourth frame', () => {
    expect(schedule(0.25, 8)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });
  it('0.5× and 1× are exact over time', () => {
    expect(schedule(0.5, 6)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(schedule(1, 3)).toEqual([1, 1, 1]);
  });
  it('100× asks for 100 steps per frame', () => {
    expect(schedule(100, 2)).toEqual([100, 100]);
  });
  it('a late request catches up the frames it missed, at most MAX_CATCH_UP_FRAMES', () => {
    expect(catchUpFrames(0)).toBe(1);
    expect(catchUpFrames(2)).toBe(3);
    expect(catchUpFrames(2.9)).toBe(3);
    expect(catchUpFrames(50)).toBe(MAX_CATCH_UP_FRAMES);
    expect(MAX_CATCH_UP_FRAMES).toBe(4);
    expect(stepsForFrame(0, 100 * catchUpFrames(50), Infinity).n).toBe(400);
  });
  it('never exceeds the remaining budget and stops at zero', () => {
    expect(schedule(100, 3, 150)).toEqual([100, 50, 0]);
    expect(stepsForFrame(0.75, 0.5, 0)).toEqual({ n: 0, carry: 0 });
  });
  it('offers 0.25× to 100× and snaps other values to the nearest offered speed', () => {
    expect(SPEEDS[0]).toBe(0.25);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(100);
    expect(SPEEDS[speedIndex(4)]).toBe(5);
    expect(SPEEDS[speedIndex(1000)]).toBe(100);
  });
  it('a race is finished when the budget is spent or every run has stopped', () => {
    expect(raceFinished(10, 10, ['running'])).toBe(true);
    expect(raceFinished(5, 10, ['converged', 'diverged'])).toBe(true);
    expect(raceFinished(5, 10, ['converged', 'running'])).toBe(false);
  });
});

describe('RateMeter', () => {
  it('measures steps per second over its window', () => {
    const m = new RateMeter(1000);
    expect(m.rate()).toBe(0);
    m.add(0, 0);
    m.add(500, 250);
    m.add(1000, 500);
    expect(m.rate()).toBe(500);
    m.reset();
    expect(m.rate()).toBe(0);
  });
});
