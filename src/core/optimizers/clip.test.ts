import { describe, expect, it } from 'vitest';
import { clipGradNorm } from './clip';

const id = (v: number): number => v;

describe('clipGradNorm (torch.nn.utils.clip_grad_norm_)', () => {
  it('scales a long gradient to maxNorm·‖g‖/(‖g‖ + 1e-6)', () => {
    const g = Float64Array.of(3, 4); // ‖g‖ = 5
    clipGradNorm(g, 1, id);
    const coef = 1 / (5 + 1e-6);
    expect(g[0]).toBe(3 * coef);
    expect(g[1]).toBe(4 * coef);
    expect(Math.hypot(g[0], g[1])).toBeCloseTo(1, 6);
  });
  it('leaves a short gradient alone (coef ≥ 1)', () => {
    const g = Float64Array.of(0.3, 0.4);
    clipGradNorm(g, 1, id);
    expect([...g]).toEqual([0.3, 0.4]);
  });
  it('maxNorm 0 is off', () => {
    const g = Float64Array.of(300, 400);
    clipGradNorm(g, 0, id);
    expect([...g]).toEqual([300, 400]);
  });
  it('zero gradient stays zero (no 0/0)', () => {
    const g = Float64Array.of(0, 0);
    clipGradNorm(g, 1, id);
    expect([...g]).toEqual([0, 0]);
  });
  it('float32 mode rounds every op, constant included', () => {
    const g = Float64Array.of(Math.fround(0.3), Math.fround(40.7));
    clipGradNorm(g, Math.fround(2.5), Math.fround);
    const f = Math.fround;
    const norm = f(Math.sqrt(f(f(f(0.3) * f(0.3)) + f(f(40.7) * f(40.7)))));
    const coef = f(f(2.5) / f(norm + f(1e-6)));
    expect(g[0]).toBe(f(f(0.3) * coef));
    expect(g[1]).toBe(f(f(40.7) * coef));
  });
});
