/**
 * Gradscape's float64 reference against PyTorch: the same settings give the same trajectory.
 * torch-trajectories.json was produced by torch_parity.py (PyTorch, float64, on CPU) from
 * cases.json; this test re-runs every case through resolveExperiment + simulate and compares
 * every step. Tolerance: 1e-9 relative (+1e-12 absolute). The two sides evaluate the same
 * formulas in a different operation order (torch's autograd vs our symbolic gradient; torch's
 * implementation vs the algorithm box, e.g. Adam's sqrt(v)/sqrt(bc2) vs sqrt(v/bc2)), so they
 * agree to rounding — a few ulps per step that Rosenbrock's valley can grow over 100 steps —
 * not bit for bit; any algorithmic difference (a missed bias correction, a dampening slip) is
 * orders of magnitude larger.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../../src/core/experiment';
import { simulate } from '../../src/core/simulate';

interface Case {
  name: string;
  objective: string;
  start: [number, number];
  run: Record<string, unknown>;
}
const here = new URL('.', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('cases.json', here), 'utf8')) as { steps: number; cases: Case[] };
const torch = JSON.parse(readFileSync(new URL('torch-trajectories.json', here), 'utf8')) as {
  torch: string;
  steps: number;
  trajectories: Record<string, [number, number][]>;
};

describe(`float64 reference vs PyTorch ${torch.torch}`, () => {
  it('covers every case', () => {
    expect(Object.keys(torch.trajectories).sort()).toEqual(spec.cases.map((c) => c.name).sort());
    expect(torch.steps).toBe(spec.steps);
  });

  for (const c of spec.cases) {
    it(c.name, () => {
      const exp = resolveExperiment({ objective: { id: c.objective }, start: c.start, steps: spec.steps, runs: [c.run] });
      const [trace] = simulate(exp, 'f64');
      const expected = torch.trajectories[c.name];
      expect(expected).toHaveLength(spec.steps + 1);
      let worst = 0;
      for (let k = 0; k <= spec.steps; k++) {
        const [tx, ty] = expected[k];
        const dx = Math.abs(trace.x[k] - tx) / (1e-3 + Math.abs(tx));
        const dy = Math.abs(trace.y[k] - ty) / (1e-3 + Math.abs(ty));
        worst = Math.max(worst, dx, dy);
      }
      // Each case must be well-conditioned: a 1-ulp nudge of the start may not grow beyond
      // 1e-10, ten times under the tolerance, in 100 steps (chaotic settings, e.g. NAdam with lr 0.05 here, amplify rounding
      // 1e9-fold and would make any tolerance meaningless).
      const nudged = resolveExperiment({ ...exp, start: [c.start[0] * (1 + 2.3e-16), c.start[1]] });
      const [other] = simulate(nudged, 'f64');
      expect(Math.abs(other.x[spec.steps] - trace.x[spec.steps])).toBeLessThan(1e-10);
      // The run must actually move, or agreement would prove nothing.
      expect(Math.hypot(trace.x[spec.steps] - c.start[0], trace.y[spec.steps] - c.start[1])).toBeGreaterThan(1e-3);
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
