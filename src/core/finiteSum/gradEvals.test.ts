import { describe, expect, it } from 'vitest';
import { epochsOf, gradEvalsAfter, gradEvalsOfStep } from './gradEvals';

describe('gradient evaluations: the fair compute axis', () => {
  const n = 10;

  it('full batch costs n per step, a mini-batch its size, SAG the same as its batch', () => {
    expect(gradEvalsAfter('plain', { size: 0, sampling: 'shuffle' }, n, 7)).toBe(70);
    expect(gradEvalsAfter('plain', { size: 4, sampling: 'replacement' }, n, 7)).toBe(28);
    expect(gradEvalsAfter('sag', { size: 1, sampling: 'replacement' }, n, 7)).toBe(7);
  });

  it('shuffle counts the short last batch of an epoch: B = 3, n = 10 → batches 3, 3, 3, 1, 3', () => {
    const regime = { size: 3, sampling: 'shuffle' } as const;
    expect([0, 1, 2, 3, 4].map((k) => gradEvalsOfStep('plain', regime, n, k))).toEqual([3, 3, 3, 1, 3]);
    expect(gradEvalsAfter('plain', regime, n, 5)).toBe(13);
    expect(epochsOf(gradEvalsAfter('plain', regime, n, 4), n)).toBe(1);
  });

  it('SVRG: 2B per step plus n per snapshot (steps 0, m, 2m, …)', () => {
    // m = 4, B = 2, 9 steps: 2·2·9 = 36, snapshots before steps 0, 4, 8 → 3·10 = 30.
    const regime = { size: 2, sampling: 'replacement' } as const;
    expect(gradEvalsAfter('svrg', regime, n, 9, 4)).toBe(66);
    expect([0, 1, 3, 4].map((k) => gradEvalsOfStep('svrg', regime, n, k, 4))).toEqual([14, 4, 4, 14]);
    expect(gradEvalsAfter('svrg', regime, n, 0, 4)).toBe(0);
  });
});
