/**
 * First steps of the non-Adam optimizers on f = x² + 10y² from (1, 1), with non-default
 * hyperparameters, against references written out here in plain float64 (torch's algorithm
 * boxes, pow where the implementation uses running products), not by calling the registry.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, runImpl } from './testKit';

type P = [number, number];
const grad = (th: number[]): number[] => [2 * th[0], 20 * th[1]];

describe('gd', () => {
  it('matches hand-computed values (lr 0.01, λ 0.1)', () => {
    // step 1: g = (2, 20) + 0.1·(1, 1) = (2.1, 20.1); θ = (1 − 0.021, 1 − 0.201) = (0.979, 0.799)
    const got = runImpl('gd', { lr: 0.01, weight_decay: 0.1 }, [1, 1], 3);
    expect(got[0][0]).toBeCloseTo(0.979, 14);
    expect(got[0][1]).toBeCloseTo(0.799, 14);
    // step 2: θ ← θ(1 − 0.01·(2.1)) = 0.979·0.979; y: 0.799·(1 − 0.201)
    expect(got[1][0]).toBeCloseTo(0.979 * 0.979, 14);
    expect(got[1][1]).toBeCloseTo(0.799 * 0.799, 14);
    expect(got[2][0]).toBeCloseTo(0.979 ** 3, 14);
    expect(got[2][1]).toBeCloseTo(0.799 ** 3, 14);
  });
});

function sgdRef(lr: number, mu: number, damp: number, nesterov: boolean, wd: number, n: number): P[] {
  const th = [1, 1];
  const b = [0, 0];
  const out: P[] = [];
  for (let t = 1; t <= n; t++) {
    const g = grad(th).map((gi, i) => gi + wd * th[i]);
    for (let i = 0; i < 2; i++) {
      b[i] = t === 1 ? g[i] : mu * b[i] + (1 - damp) * g[i];
      const d = nesterov ? g[i] + mu * b[i] : b[i];
      th[i] -= lr * d;
    }
    out.push([th[0], th[1]]);
  }
  return out;
}

describe('sgd', () => {
  it('first step is plain GD (b_1 = g), hand-computed', () => {
    const [p] = runImpl('sgd', { lr: 0.01, momentum: 0.8, dampening: 0.3 }, [1, 1], 1);
    expect(p[0]).toBeCloseTo(1 - 0.02, 15);
    expect(p[1]).toBeCloseTo(1 - 0.2, 15);
  });
  it('matches torch.optim.SGD with momentum, dampening and weight decay', () => {
    const h = { lr: 0.01, momentum: 0.8, dampening: 0.3, nesterov: 0, weight_decay: 0.05 };
    expectClose(runImpl('sgd', h, [1, 1], 3), sgdRef(0.01, 0.8, 0.3, false, 0.05, 3), 1e-12);
  });
  it('matches nesterov', () => {
    const h = { lr: 0.02, momentum: 0.7, dampening: 0, nesterov: 1, weight_decay: 0.1 };
    expectClose(runImpl('sgd', h, [1, 1], 3), sgdRef(0.02, 0.7, 0, true, 0.1, 3), 1e-12);
  });
  it('momentum 0 is plain GD', () => {
    const h = { lr: 0.03, momentum: 0, weight_decay: 0.1 };
    expectClose(runImpl('sgd', h, [1, 1], 3), runImpl('gd', { lr: 0.03, weight_decay: 0.1 }, [1, 1], 3), 0);
  });
});

function emaRef(alpha: number, beta: number, wd: number, n: number): P[] {
  const th = [1, 1];
  const v = [0, 0];
  const out: P[] = [];
  for (let t = 1; t <= n; t++) {
    const g = grad(th).map((gi, i) => gi + wd * th[i]);
    for (let i = 0; i < 2; i++) {
      v[i] = beta * v[i] + (1 - beta) * g[i];
      th[i] -= alpha * v[i];
    }
    out.push([th[0], th[1]]);
  }
  return out;
}

describe('momentum_ema', () => {
  it('matches the textbook recursion exactly (v0 = 0)', () => {
    const got = runImpl('momentum_ema', { lr: 0.05, beta: 0.8, weight_decay: 0.1 }, [1, 1], 3);
    expectClose(got, emaRef(0.05, 0.8, 0.1, 3), 0);
    // step 1 by hand: v = 0.2·(2.1, 20.1) = (0.42, 4.02); θ = (1 − 0.021, 1 − 0.201)
    expect(got[0][0]).toBeCloseTo(0.979, 15);
    expect(got[0][1]).toBeCloseTo(0.799, 15);
  });
  it('equals SGD(lr·(1−β), momentum β, dampening 0) at every step, the first included', () => {
    const alpha = 0.05;
    const beta = 0.8;
    const ema = runImpl('momentum_ema', { lr: alpha, beta, weight_decay: 0.1 }, [1, 1], 50);
    const sgd = runImpl('sgd', { lr: alpha * (1 - beta), momentum: beta, dampening: 0, weight_decay: 0.1 }, [1, 1], 50);
    expectClose(ema, sgd, 1e-13);
  });
  it('is NOT SGD with dampening = β (torch starts b at g, not (1−β)g)', () => {
    const ema = runImpl('momentum_ema', { lr: 0.05, beta: 0.8 }, [1, 1], 3);
    const damp = runImpl('sgd', { lr: 0.05, momentum: 0.8, dampening: 0.8 }, [1, 1], 3);
    expect(Math.abs(ema[0][0] - damp[0][0])).toBeGreaterThan(1e-3);
  });
});

describe('adagrad', () => {
  it('matches torch.optim.Adagrad (lr_decay, initial accumulator, weight decay)', () => {
    const [lr, eta, wd, s0, eps] = [0.1, 0.05, 0.02, 0.5, 1e-6];
    const th = [1, 1];
    const s = [s0, s0];
    const want: P[] = [];
    for (let t = 1; t <= 3; t++) {
      const clr = lr / (1 + (t - 1) * eta);
      const g = grad(th).map((gi, i) => gi + wd * th[i]);
      for (let i = 0; i < 2; i++) {
        s[i] += g[i] * g[i];
        th[i] -= (clr * g[i]) / (Math.sqrt(s[i]) + eps);
      }
      want.push([th[0], th[1]]);
    }
    const h = { lr, lr_decay: eta, weight_decay: wd, initial_accumulator_value: s0, eps };
    expectClose(runImpl('adagrad', h, [1, 1], 3), want, 1e-12);
  });
});

function rmspropRef(lr: number, alpha: number, eps: number, wd: number, mu: number, centered: boolean): P[] {
  const th = [1, 1];
  const v = [0, 0];
  const b = [0, 0];
  const ga = [0, 0];
  const out: P[] = [];
  for (let t = 1; t <= 3; t++) {
    const g = grad(th).map((gi, i) => gi + wd * th[i]);
    for (let i = 0; i < 2; i++) {
      v[i] = alpha * v[i] + (1 - alpha) * g[i] ** 2;
      let vt = v[i];
      if (centered) {
        ga[i] = alpha * ga[i] + (1 - alpha) * g[i];
        vt -= ga[i] ** 2;
      }
      if (mu > 0) {
        b[i] = mu * b[i] + g[i] / (Math.sqrt(vt) + eps);
        th[i] -= lr * b[i];
      } else th[i] -= (lr * g[i]) / (Math.sqrt(vt) + eps);
    }
    out.push([th[0], th[1]]);
  }
  return out;
}

describe('rmsprop', () => {
  const base = { lr: 0.01, alpha: 0.9, eps: 1e-6, weight_decay: 0.05 };
  it('plain', () => {
    expectClose(runImpl('rmsprop', base, [1, 1], 3), rmspropRef(0.01, 0.9, 1e-6, 0.05, 0, false), 1e-12);
  });
  it('with momentum', () => {
    const h = { ...base, momentum: 0.5 };
    expectClose(runImpl('rmsprop', h, [1, 1], 3), rmspropRef(0.01, 0.9, 1e-6, 0.05, 0.5, false), 1e-12);
  });
  it('centered with momentum', () => {
    const h = { ...base, momentum: 0.5, centered: 1 };
    expectClose(runImpl('rmsprop', h, [1, 1], 3), rmspropRef(0.01, 0.9, 1e-6, 0.05, 0.5, true), 1e-12);
  });
  it('first plain step by hand: v = 0.1·g², θ −= lr·g/(√0.1·|g|) ≈ lr/√0.1', () => {
    const [p] = runImpl('rmsprop', { lr: 0.01, alpha: 0.9, eps: 1e-12 }, [1, 1], 1);
    expect(p[0]).toBeCloseTo(1 - 0.01 / Math.sqrt(0.1), 10);
    expect(p[1]).toBeCloseTo(1 - 0.01 / Math.sqrt(0.1), 10);
  });
});

describe('adadelta', () => {
  it('matches torch.optim.Adadelta', () => {
    const [lr, rho, eps, wd] = [0.5, 0.8, 1e-4, 0.1];
    const th = [1, 1];
    const v = [0, 0];
    const u = [0, 0];
    const want: P[] = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(th).map((gi, i) => gi + wd * th[i]);
      for (let i = 0; i < 2; i++) {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
        const dx = (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
        u[i] = rho * u[i] + (1 - rho) * dx * dx;
        th[i] -= lr * dx;
      }
      want.push([th[0], th[1]]);
    }
    expectClose(runImpl('adadelta', { lr, rho, eps, weight_decay: wd }, [1, 1], 3), want, 1e-12);
  });
});

describe('lion', () => {
  it('matches Chen et al. 2023 (decoupled decay, sign update)', () => {
    const [lr, b1, b2, wd] = [0.05, 0.8, 0.95, 0.1];
    const th = [1, 1];
    const m = [0, 0];
    const want: P[] = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(th);
      for (let i = 0; i < 2; i++) {
        const c = b1 * m[i] + (1 - b1) * g[i];
        th[i] -= lr * (Math.sign(c) + wd * th[i]);
        m[i] = b2 * m[i] + (1 - b2) * g[i];
      }
      want.push([th[0], th[1]]);
    }
    const got = runImpl('lion', { lr, beta1: b1, beta2: b2, weight_decay: wd }, [1, 1], 3);
    expectClose(got, want, 1e-12);
    // step 1 by hand: sign(c) = 1, θ = 1 − 0.05·(1 + 0.1) = 0.945 in both coordinates
    expect(got[0][0]).toBeCloseTo(0.945, 15);
  });
  it('sign(0) = 0: a zero gradient from zero momentum does not move θ', () => {
    const got = runImpl('lion', { lr: 0.1 }, [0, 0], 2);
    expect(got).toEqual([[0, 0], [0, 0]]);
  });
});
