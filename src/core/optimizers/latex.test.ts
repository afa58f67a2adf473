import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, getOptimizer, updateRuleLatex } from './index';
import { latexNumber } from './latex';

describe('latexNumber', () => {
  it.each([
    [0, '0'], [0.01, '0.01'], [0.9, '0.9'], [1, '1'], [0.999, '0.999'], [1e-8, '10^{-8}'],
    [2e-4, '2\\times10^{-4}'], [1.5e-10, '1.5\\times10^{-10}'], [12345.6, '1.235\\times10^{4}'], [-0.5, '-0.5'],
  ])('%d -> %s', (v, s) => expect(latexNumber(v)).toBe(s));
});

describe('updateRuleLatex', () => {
  it('gd substitutes the learning rate', () => {
    expect(updateRuleLatex(getOptimizer('gd'), { lr: 0.01 })).toBe('\\theta_{t+1} = \\theta_t - 0.01\\, g_t');
  });
  it('gd shows weight decay only when on', () => {
    expect(updateRuleLatex(getOptimizer('gd'), { lr: 0.01, weight_decay: 0.1 })).toContain('0.1\\,\\theta_t');
  });
  it('adam shows its values and switches to v^max with amsgrad', () => {
    const plain = updateRuleLatex(getOptimizer('adam'), { lr: 0.003 });
    expect(plain).toContain('0.003');
    expect(plain).toContain('0.999');
    expect(plain).toContain('10^{-8}');
    expect(plain).not.toContain('\\max');
    expect(updateRuleLatex(getOptimizer('adam'), { amsgrad: 1 })).toContain('\\max');
  });
  it('sgd nesterov and radam derived ρ∞ appear', () => {
    expect(updateRuleLatex(getOptimizer('sgd'), { nesterov: 1, momentum: 0.8 })).toContain('(g_t + 0.8\\, b_t)');
    expect(updateRuleLatex(getOptimizer('radam'), {})).toContain('1999 -');
  });
  it.each(OPTIMIZERS.map((d) => d.id))('%s: balanced braces, aligned block or one line', (id) => {
    const s = updateRuleLatex(getOptimizer(id), {});
    let depth = 0;
    for (const ch of s.replace(/\\[{}]/g, '')) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(s).toMatch(/\\theta_\{t\+1\}/);
    expect(s).not.toMatch(/undefined|NaN/);
  });
});
