import { describe, expect, it } from 'vitest';
import { splitMath } from './mathText';

describe('splitMath', () => {
  it('splits prose and $-delimited LaTeX', () => {
    expect(splitMath('below $2/\\lambda$ or it bounces')).toEqual([
      { kind: 'text', value: 'below ' },
      { kind: 'math', value: '2/\\lambda', lead: '', tail: '' },
      { kind: 'text', value: ' or it bounces' },
    ]);
  });

  it('keeps touching brackets and punctuation with the formula', () => {
    expect(splitMath('gradients ($\\beta = 0.9$): across')).toEqual([
      { kind: 'text', value: 'gradients ' },
      { kind: 'math', value: '\\beta = 0.9', lead: '(', tail: '):' },
      { kind: 'text', value: ' across' },
    ]);
    expect(splitMath('只差 $10^{-12}$，所以（$\\beta$）。')).toEqual([
      { kind: 'text', value: '只差 ' },
      { kind: 'math', value: '10^{-12}', lead: '', tail: '，' },
      { kind: 'text', value: '所以' },
      { kind: 'math', value: '\\beta', lead: '（', tail: '）。' },
    ]);
  });

  it('handles a text that starts or ends with math, and plain prose', () => {
    expect(splitMath('$x$ and $y$')).toEqual([
      { kind: 'math', value: 'x', lead: '', tail: '' },
      { kind: 'text', value: ' and ' },
      { kind: 'math', value: 'y', lead: '', tail: '' },
    ]);
    expect(splitMath('no math')).toEqual([{ kind: 'text', value: 'no math' }]);
  });

  it('keeps a text with an unpaired $ as prose', () => {
    expect(splitMath('costs $5 and $x$')).toEqual([{ kind: 'text', value: 'costs $5 and $x$' }]);
  });
});
