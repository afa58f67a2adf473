/**
 * A custom formula travels in the share link (issue 13): any formula the compiler accepts, up
 * to the longest allowed, comes back from decodeLink(encodeLink(...)) character for character,
 * also after a mail program percent-encodes the fragment; a link whose formula the compiler
 * refuses loads with a notice on objective.formula instead of failing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { compileFormula, MAX_FORMULA_LENGTH } from '../expr';
import { decodeLink, encodeLink } from './link';
import { defaultLinkState } from './defaults';

function stateWith(formula: string) {
  const experiment = resolveExperiment({ objective: { id: 'custom', formula }, runs: [{ optimizer: 'adam' }, { optimizer: 'sgd' }] });
  return { ...defaultLinkState(), experiment };
}

/** Formulas of the grammar with the characters a URL treats specially: + , ( ) spaces, '.', '^'. */
const formula = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'linkFormula' },
    fc.constantFrom('x', 'y', 'pi', 'e', '1', '0.25', '1e-3', '2.5E+2', '.5'),
    fc.tuple(fc.constantFrom('-', '+', ' - '), tie('f')).map(([s, u]) => `${s}${u}`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'tan'), tie('f')).map(([fn, u]) => `${fn}(${u})`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('f'), tie('f'), fc.constantFrom(',', ', ', ' , ')).map(([fn, u, v, c]) => `${fn}(${u}${c}${v})`),
    fc.tuple(tie('f'), fc.constantFrom('+', ' + ', '-', '*', ' * ', '/', '^'), tie('f')).map(([u, op, v]) => `(${u})${op}(${v})`),
  ),
})).f;

describe('a custom formula in the share link', () => {
  it('random formulas of the grammar come back exactly, also percent-encoded by a mail program', () => {
    fc.assert(
      fc.property(formula, (f) => {
        compileFormula(f); // every generated formula is one the app accepts
        const state = stateWith(f);
        const link = encodeLink(state);
        const direct = decodeLink(link);
        expect(direct.notices).toEqual([]);
        expect(direct.state.experiment.objective.formula).toBe(f);
        expect(direct.state).toEqual(state);
        const mangled = link.replace(/[()';,+^*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        expect(decodeLink(`#${mangled}`).state.experiment.objective.formula).toBe(f);
      }),
      { seed: 1300, numRuns: 200 },
    );
  });

  it('the longest formula the compiler allows travels whole', () => {
    const f = Array(Math.floor((MAX_FORMULA_LENGTH + 3) / 6)).fill('x*y^2').join(' ').replace(/ /g, '+').slice(0, MAX_FORMULA_LENGTH);
    const source = f.endsWith('+') ? `${f.slice(0, -1)}1` : f;
    expect(source.length).toBeGreaterThan(MAX_FORMULA_LENGTH - 6);
    compileFormula(source);
    const { state, notices } = decodeLink(encodeLink(stateWith(source)));
    expect(notices).toEqual([]);
    expect(state.experiment.objective.formula).toBe(source);
  });

  it('a link whose formula does not compile loads with a notice on the formula, not an exception', () => {
    for (const bad of ["x^^2", 'sinh(x)', 'x;y', '(x', 'x'.repeat(MAX_FORMULA_LENGTH + 1)]) {
      const { state, notices } = decodeLink(`v=1&f=custom(formula='${encodeURIComponent(bad)}')&runs=adam`);
      expect(notices.map((n) => [n.code, n.field]), bad).toEqual([['invalid', 'objective.formula']]);
      expect(state.experiment.objective.id).toBe('custom');
      expect(() => compileFormula(state.experiment.objective.formula!)).not.toThrow();
    }
  });
});
