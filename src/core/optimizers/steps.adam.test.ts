/**
 * First steps of the Adam family on f = x² + 10y² from (1, 1), non-default hyperparameters,
 * against torch's algorithm boxes written out here in float64 with Math.pow bias corrections
 * (the implementation uses running products, so this also checks those).
 */
import { describe, expect, it } from 'vitest';
import { expectClose, runImpl } from './testKit';

type P = [number, number];
const grad = (th: number[]): number[] => [2 * th[0], 20 * th[1]];
const H = { lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-6 };

function adamRef(wd: number, amsgrad: boolean, decoupled: boolean, n = 3): P[] {
  const th = [1, 1];
  const m = [0, 0];
  const v = [0, 0];
  const vmax = [0, 0];
  const out: P[] = [];
  for (let t = 1; t <= n; t++) {
    const g = grad(th);
    for (let i = 0; i < 2; i++) {
      if (decoupled) th[i] -= H.lr * wd * th[i];
      else g[i] += wd * th[i];
      m[i] = H.beta1 * m[i] + (1 - H.beta1) * g[i];
      v[i] = H.beta2 * v[i] + (1 - H.beta2) * g[i] ** 2;
      vmax[i] = Math.max(vmax[i], v[i]);
      const mhat = m[i] / (1 - H.beta1 ** t);
      const vhat = (amsgrad ? vmax[i] : v[i]) / (1 - H.beta2 ** t);
      th[i] -= (H.lr * mhat) / (Math.sqrt(vhat) + H.eps);
    }
    out.push([th[0], th[1]]);
  }
  return out;
}

describe('adam', () => {
  it('first step by hand is lr·sign(g) (m̂ = g, v̂ = g²)', () => {
    const [p] = runImpl('adam', { ...H, eps: 1e-12 }, [1, 1], 1);
    expect(p[0]).toBeCloseTo(0.95, 10);
    expect(p[1]).toBeCloseTo(0.95, 10);
  });
  it('matches torch.optim.Adam with coupled weight decay', () => {
    expectClose(runImpl('adam', { ...H, weight_decay: 0.1 }, [1, 1], 3), adamRef(0.1, false, false), 1e-12);
  });
  it('amsgrad (max over raw v_t, then bias correction) over 30 steps', () => {
    const got = runImpl('adam', { ...H, weight_decay: 0.1, amsgrad: 1 }, [1, 1], 30);
    expectClose(got, adamRef(0.1, true, false, 30), 1e-12);
    // amsgrad really differs here: v shrinks once the iterate approaches the minimum
    const plain = runImpl('adam', { ...H, weight_decay: 0.1 }, [1, 1], 30);
    expect(Math.abs(got[29][1] - plain[29][1])).toBeGreaterThan(1e-6);
  });
});

describe('adamw', () => {
  it('matches torch.optim.AdamW (θ ← θ − γλθ first)', () => {
    expectClose(runImpl('adamw', { ...H, weight_decay: 0.1 }, [1, 1], 3), adamRef(0.1, false, true), 1e-12);
  });
  it('amsgrad variant', () => {
    const got = runImpl('adamw', { ...H, weight_decay: 0.1, amsgrad: 1 }, [1, 1], 30);
    expectClose(got, adamRef(0.1, true, true, 30), 1e-12);
  });
  it('weight decay 0 is Adam', () => {
    expectClose(runImpl('adamw', { ...H, weight_decay: 0 }, [1, 1], 5), runImpl('adam', H, [1, 1], 5), 0);
  });
});

describe('adamax', () => {
  it('matches torch.optim.Adamax', () => {
    const wd = 0.1;
    const th = [1, 1];
    const m = [0, 0];
    const u = [0, 0];
    const want: P[] = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(th).map((gi, i) => gi + wd * th[i]);
      for (let i = 0; i < 2; i++) {
        m[i] = H.beta1 * m[i] + (1 - H.beta1) * g[i];
        u[i] = Math.max(H.beta2 * u[i], Math.abs(g[i]) + H.eps);
        th[i] -= (H.lr * m[i]) / ((1 - H.beta1 ** t) * u[i]);
      }
      want.push([th[0], th[1]]);
    }
    expectClose(runImpl('adamax', { ...H, weight_decay: wd }, [1, 1], 3), want, 1e-12);
  });
});

describe('nadam', () => {
  it('matches torch.optim.NAdam (μ_t schedule with ψ = 0.05)', () => {
    const [wd, psi] = [0.1, 0.05];
    const mu = (t: number): number => H.beta1 * (1 - 0.5 * 0.96 ** (t * psi));
    const prod = (t: number): number => Array.from({ length: t }, (_, k) => mu(k + 1)).reduce((a, b) => a * b, 1);
    const th = [1, 1];
    const m = [0, 0];
    const v = [0, 0];
    const want: P[] = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(th).map((gi, i) => gi + wd * th[i]);
      for (let i = 0; i < 2; i++) {
        m[i] = H.beta1 * m[i] + (1 - H.beta1) * g[i];
        v[i] = H.beta2 * v[i] + (1 - H.beta2) * g[i] ** 2;
        const mhat = (mu(t + 1) * m[i]) / (1 - prod(t + 1)) + ((1 - mu(t)) * g[i]) / (1 - prod(t));
        const vhat = v[i] / (1 - H.beta2 ** t);
        th[i] -= (H.lr * mhat) / (Math.sqrt(vhat) + H.eps);
      }
      want.push([th[0], th[1]]);
    }
    const got = runImpl('nadam', { ...H, weight_decay: wd, momentum_decay: psi }, [1, 1], 3);
    expectClose(got, want, 1e-12);
  });
});

describe('radam', () => {
  it('matches torch.optim.RAdam over 10 steps (crosses ρ_t > 5 at t = 6)', () => {
    const wd = 0.1;
    const rhoInf = 2 / (1 - H.beta2) - 1;
    const th = [1, 1];
    const m = [0, 0];
    const v = [0, 0];
    const want: P[] = [];
    const rectifiedAt: number[] = [];
    for (let t = 1; t <= 10; t++) {
      const g = grad(th).map((gi, i) => gi + wd * th[i]);
      const rho = rhoInf - (2 * t * H.beta2 ** t) / (1 - H.beta2 ** t);
      if (rho > 5) rectifiedAt.push(t);
      for (let i = 0; i < 2; i++) {
        m[i] = H.beta1 * m[i] + (1 - H.beta1) * g[i];
        v[i] = H.beta2 * v[i] + (1 - H.beta2) * g[i] ** 2;
        const mhat = m[i] / (1 - H.beta1 ** t);
        if (rho > 5) {
          const l = Math.sqrt(1 - H.beta2 ** t) / (Math.sqrt(v[i]) + H.eps);
          const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
          th[i] -= H.lr * mhat * r * l;
        } else th[i] -= H.lr * mhat;
      }
      want.push([th[0], th[1]]);
    }
    expect(rectifiedAt[0]).toBe(6);
    expectClose(runImpl('radam', { ...H, weight_decay: wd }, [1, 1], 10), want, 1e-12);
  });
});
