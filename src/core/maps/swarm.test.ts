import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../experiment';
import { MAX_SWARM, swarmStarts, swarmSummary } from './swarm';

const BOX = { x: [-5, 5] as const, y: [-2, 6] as const };

describe('swarmStarts', () => {
  it('gives count points, x and y interleaved, all inside the box', () => {
    const s = swarmStarts(10_000, BOX, 1);
    expect(s.length).toBe(20_000);
    const xs = Array.from({ length: 10_000 }, (_, i) => s[2 * i]);
    const ys = Array.from({ length: 10_000 }, (_, i) => s[2 * i + 1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-5);
    expect(Math.max(...xs)).toBeLessThan(5);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...ys)).toBeLessThan(6);
    // Spread over the box, not bunched: the extremes lie near its edges.
    expect(Math.min(...xs)).toBeLessThan(-4.99);
    expect(Math.max(...ys)).toBeGreaterThan(5.99);
  });

  it('covers the box evenly (each quarter of it holds about a quarter of the points)', () => {
    const n = 40_000;
    const s = swarmStarts(n, BOX, 7);
    const q = [0, 0, 0, 0];
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      q[(s[2 * i] < 0 ? 0 : 1) + (s[2 * i + 1] < 2 ? 0 : 2)]++;
      mx += s[2 * i] / n;
      my += s[2 * i + 1] / n;
    }
    for (const c of q) expect(Math.abs(c / n - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(mx)).toBeLessThan(0.05);
    expect(Math.abs(my - 2)).toBeLessThan(0.05);
  });

  it('is deterministic per seed, differs between seeds, and a larger swarm extends a smaller one', () => {
    expect(swarmStarts(1000, BOX, 3)).toEqual(swarmStarts(1000, BOX, 3));
    const a = swarmStarts(1000, BOX, 3);
    const b = swarmStarts(1000, BOX, 4);
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
    expect(same).toBe(0);
    expect(swarmStarts(100, BOX, 3)).toEqual(a.subarray(0, 200));
    // x and y come from separate streams: not the same sequence.
    expect(a[0]).not.toBe((a[1] + 2) * (10 / 8) - 5);
  });

  it('takes the largest size and rejects bad sizes and boxes with the value in the message', () => {
    expect(swarmStarts(MAX_SWARM, BOX, 0).length).toBe(2 * MAX_SWARM);
    expect(() => swarmStarts(0, BOX, 1)).toThrow(/swarm size 0/);
    expect(() => swarmStarts(MAX_SWARM + 1, BOX, 1)).toThrow(/100001/);
    expect(() => swarmStarts(2.5, BOX, 1)).toThrow(/2\.5/);
    expect(() => swarmStarts(10, { x: [1, 1], y: [0, 1] }, 1)).toThrow(/swarm box/);
    expect(() => swarmStarts(10, { x: [0, 1], y: [0, NaN] }, 1)).toThrow(/swarm box/);
  });
});

describe('swarmSummary', () => {
  it('counts statuses and points at a minimum, and leaves diverged points out of the drawing', () => {
    const status: RunStatus[] = [
      { kind: 'converged', step: 10 },
      { kind: 'converged', step: 12 },
      { kind: 'diverged', step: 3, reason: 'bound' },
      { kind: 'running' },
      { kind: 'stalled', step: 40 },
      { kind: 'running' },
    ];
    const x = [3, -2.805, 1e7, 0.5, 3.001, NaN];
    const y = [2, 3.131, 1e7, 0.5, 2.0, 1];
    const minima = [
      { x: 3, y: 2, value: 0, global: true },
      { x: -2.805, y: 3.131, value: 0, global: true },
    ];
    const ox = new Float32Array(6);
    const oy = new Float32Array(6);
    const c = swarmSummary(x, y, status, minima, 0.01, ox, oy);
    expect(c).toEqual({ total: 6, converged: 2, diverged: 2, stalled: 1, running: 1, atMinimum: 3, perMinimum: Int32Array.from([2, 1]) });
    expect(Array.from(ox).map(Number.isNaN)).toEqual([false, false, true, false, false, true]);
    expect(oy[3]).toBe(0.5);
  });
});
