import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../core/experiment';
import { OBJECTIVES } from '../core/objectives';
import { simulate } from '../core/simulate';
import { dataRaceConfig, raceTraces } from '../core/finiteSum';
import { defaultExperiment } from './defaults';
import { addRun, setObjective, toExperimentInput } from './draft';

/** The race a person gets by picking surface `id` after the first load. */
function defaultRace(id: (typeof OBJECTIVES)[number]['id']) {
  return resolveExperiment(toExperimentInput(setObjective(defaultExperiment(), id)));
}

// Custom has no fixed formula; every built-in surface is checked.
const BUILT_IN = OBJECTIVES.filter((o) => o.id !== 'custom');

describe('the default race on every built-in surface', () => {
  for (const precision of ['f64', 'f32'] as const) {
    it(`no run diverges within 10 steps and every run moves (${precision})`, () => {
      for (const o of BUILT_IN) {
        const e = { ...defaultRace(o.id), steps: 10 };
        const data = dataRaceConfig(e);
        const traces = data ? raceTraces(data, precision) : simulate(e, precision);
        traces.forEach((t, i) => {
          const what = `${o.id} run ${i}`;
          expect(t.status.kind, `${what}: ${JSON.stringify(t.status)}`).not.toBe('diverged');
          expect(Math.hypot(t.x[10] - t.x[0], t.y[10] - t.y[0]), what).toBeGreaterThan(1e-3);
          expect(Number.isFinite(t.loss[10]) && t.loss[10] < t.loss[0], `${what}: loss ${t.loss[0]} -> ${t.loss[10]}`).toBe(true);
        });
      }
    });
  }

  it('on bounded surfaces no run diverges within the whole budget (f64)', () => {
    for (const o of BUILT_IN.filter((d) => d.bounded)) {
      simulate(defaultRace(o.id)).forEach((t, i) => expect(t.status.kind, `${o.id} run ${i}: ${JSON.stringify(t.status)}`).not.toBe('diverged'));
    }
  });

  it("Goldstein–Price scales the gradient-proportional runs' lr, and switching back restores them", () => {
    const d0 = defaultExperiment();
    const gp = setObjective(d0, 'goldstein_price');
    expect(gp.runs.map((r) => r.hyper.lr)).toEqual([1e-5, 1e-4, 5e-3, 2e-2]);
    expect(setObjective(gp, 'rosenbrock').runs.map((r) => r.hyper.lr)).toEqual(d0.runs.map((r) => r.hyper.lr));
    // A run added on the surface gets the scaled default too.
    expect(addRun(gp, 'gd').runs[4].hyper.lr).toBe(1e-5);
    expect(addRun(gp, 'adam').runs[4].hyper.lr).toBe(1e-3);
  });
});
