/**
 * 10,000+ random and mutated links: decodeLink never throws and always yields a valid
 * experiment (it resolves to itself) with well-formed view and modes, plus a list of notices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { experimentToJSON, resolveExperiment } from '../experiment';
import { linkStateArb } from './arbitraries';
import { decodeLink, encodeLink } from './link';
import { HIDEABLE } from './types';

function expectValid(fragment: string): void {
  let out: ReturnType<typeof decodeLink> | undefined;
  expect(() => (out = decodeLink(fragment)), fragment.slice(0, 200)).not.toThrow();
  const { state, notices } = out!;
  expect(resolveExperiment(experimentToJSON(state.experiment))).toEqual(state.experiment);
  expect(Array.isArray(notices)).toBe(true);
  for (const n of notices) expect(typeof n.detail).toBe('string');
  if (state.view) expect(state.view.x[0] < state.view.x[1] && state.view.y[0] < state.view.y[1]).toBe(true);
  for (const h of state.mode.hide) expect(HIDEABLE).toContain(h);
  expect([null, 'en', 'zh-CN']).toContain(state.lang);
}

const linkChars = fc.constantFrom(...'v=1&f;runs(),adam lr=0.01\'%#abcxyz-.e+E9()'.split(''), '%2', '%E0', '(', ')', ';', "'", 'rosenbrock', 'sgd', 'steps=', 'view=', 'hide=', '&runs=', '中');

/** A mutation of a valid link: truncation, deletion, insertion, replacement, duplication, swaps. */
const mutated = fc
  .tuple(linkStateArb(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('cut', 'del', 'ins', 'rep', 'dup', 'swap')), { minLength: 1, maxLength: 4 }), fc.string({ unit: linkChars, maxLength: 6 }))
  .map(([state, ops, text]) => {
    let s = encodeLink(state);
    for (const [a, b, op] of ops) {
      const i = a % (s.length + 1);
      const j = Math.min(s.length, i + (b % 12));
      if (op === 'cut') s = s.slice(0, i);
      else if (op === 'del') s = s.slice(0, i) + s.slice(j);
      else if (op === 'ins') s = s.slice(0, i) + text + s.slice(i);
      else if (op === 'rep') s = s.slice(0, i) + text + s.slice(j);
      else if (op === 'dup') s = `${s}&${s.slice(i, j)}`;
      else s = s.replace(/[;,]/g, (c) => (c === ';' ? ',' : ';'));
    }
    return s;
  });

describe('share link fuzz', () => {
  it('5,000 random strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: linkChars, maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 60 })), (s) => expectValid(s)), { numRuns: 5000 });
  }, 60_000);
  it('5,000 mutated valid links', () => {
    fc.assert(fc.property(mutated, (s) => expectValid(s)), { numRuns: 5000 });
  }, 60_000);
});
