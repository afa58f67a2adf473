import { describe, expect, it } from 'vitest';
import { computeAxisValues, methodOf } from './computeAxis';
import { gradEvalsAfter } from './gradEvals';

const run = (optimizer: string, size: number, sampling: 'shuffle' | 'replacement' = 'shuffle', m = 0) =>
  ({ optimizer, batch: { size, sampling, seeds: 1 }, hyper: { lr: 0.1, m } }) as Parameters<typeof computeAxisValues>[0];

describe('computeAxisValues', () => {
  it('full batch: n evaluations, one epoch per step', () => {
    const ev = computeAxisValues(run('gd', 0), 200, 10, 'evals');
    const ep = computeAxisValues(run('gd', 0), 200, 10, 'epochs');
    expect(Array.from(ev)).toEqual(Array.from({ length: 11 }, (_, k) => 200 * k));
    expect(Array.from(ep)).toEqual(Array.from({ length: 11 }, (_, k) => k));
  });
  it('SGD: one evaluation per step, an epoch every n steps', () => {
    const ep = computeAxisValues(run('sgd', 1), 50, 100, 'epochs');
    expect(ep[50]).toBe(1);
    expect(ep[100]).toBe(2);
    expect(ep[25]).toBe(0.5);
  });
  it('a shuffled mini-batch epoch ends with its short batch (n = 10, B = 4: 4, 8, 10)', () => {
    const ev = computeAxisValues(run('sgd', 4), 10, 6, 'evals');
    expect(Array.from(ev)).toEqual([0, 4, 8, 10, 14, 18, 20]);
  });
  it('SVRG pays n for each snapshot plus two per sample', () => {
    const ev = computeAxisValues(run('svrg', 1, 'shuffle', 5), 20, 11, 'evals');
    for (let k = 0; k <= 11; k++) expect(ev[k]).toBe(gradEvalsAfter('svrg', { size: 1, sampling: 'shuffle' }, 20, k, 5));
    expect(ev[1]).toBe(20 + 2);
    expect(ev[6]).toBe(2 * 20 + 12);
  });
  it('is non-decreasing and methodOf names the method', () => {
    const ev = computeAxisValues(run('sag', 7, 'replacement'), 30, 40, 'evals');
    for (let k = 1; k < ev.length; k++) expect(ev[k]).toBeGreaterThanOrEqual(ev[k - 1]);
    expect(methodOf({ optimizer: 'sag' })).toBe('sag');
    expect(methodOf({ optimizer: 'adam' })).toBe('plain');
  });
});
