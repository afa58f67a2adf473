/**
 * Gradscape's float64 reference against PyTorch: the same settings give the same trajectory.
 * torch-trajectories.json was produced by torch_parity.py (PyTorch, float64, on CPU) from
 * cases.json; this test re-runs every case through resolveExperiment + simulate and compares
 * every step. Tolerance: 1e-9 relative (+1e-12 absolute). The two sides evaluate the same
 * formulas in a different operation order (torch's autograd vs our symbolic gradient; torch's
 * implementation vs the algorithm box, e.g. Adam's sqrt(v)/sqrt(bc2) vs sqrt(v/bc2)), so they
 * agree to rounding — a few ulps per step that Rosenbrock's valley can grow over 100 steps —
 * not bit for bit; any algorithmic difference (a missed bias correction, a dampening slip) is
 * orders of magnitude larger. Example: torch < 2.0's NAdam counted μ_t twice in the momentum
 * term's bias correction (fixed by pytorch#92699); the four 200-step NAdam cases differ from it
 * by 2.7e-5 (Booth) to 6.2e-3 (Himmelblau) and from the fixed torch by ≤ 2.3e-15.
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
  /** Steps of this case when not the set's default. */
  steps?: number;
}
const here = new URL('.', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('cases.json', here), 'utf8')) as { steps: number; cases: Case[] };
const torch = JSON.parse(readFileSync(new URL('torch-trajectories.json', here), 'utf8')) as {
  torch: string;
  steps: number;
  trajectories: Record<string, [number, number][]>;
  /** The torch that produced each case (cases added later may come from another version). */
  sources?: Record<string, string>;
};

describe(`float64 reference vs PyTorch ${torch.torch}`, () => {
  it('covers every case', () => {
    expect(Object.keys(torch.trajectories).sort()).toEqual(spec.cases.map((c) => c.name).sort());
    expect(torch.steps).toBe(spec.steps);
  });

  for (const c of spec.cases) {
    const steps = c.steps ?? spec.steps;
    it(`${c.name} (${torch.sources?.[c.name] ?? `torch ${torch.torch}`})`, () => {
      const exp = resolveExperiment({ objective: { id: c.objective }, start: c.start, steps, runs: [c.run] });
      const [trace] = simulate(exp, 'f64');
      const expected = torch.trajectories[c.name];
      expect(expected).toHaveLength(steps + 1);
      let worst = 0;
      for (let k = 0; k <= steps; k++) {
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
      expect(Math.abs(other.x[steps] - trace.x[steps])).toBeLessThan(1e-10);
      // The run must actually move, or agreement would prove nothing.
      expect(Math.hypot(trace.x[steps] - c.start[0], trace.y[steps] - c.start[1])).toBeGreaterThan(1e-3);
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
