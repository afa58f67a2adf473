import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { roundF32Ftz } from './f32';
import { initState, OPTIMIZERS, resolveHyper, stateSize } from './index';
import type { OptimizerDef, StepContext } from './types';

/** Hyperparameter variants per optimizer: defaults, then every flag and a weight decay. */
function variants(def: OptimizerDef): Record<string, number>[] {
  const flags = def.hyper.filter((s) => s.kind === 'bool').map((s) => s.name);
  const out: Record<string, number>[] = [{ lr: 0.05 }, { lr: 0.05, weight_decay: 0.1 }];
  for (const f of flags) out.push({ lr: 0.05, [f]: 1 }, { lr: 0.05, [f]: 1, weight_decay: 0.1 });
  return out;
}

const withBatch = OPTIMIZERS.filter((d) => d.stepBatch !== undefined);

describe('stepBatch equals step per lane, bit for bit', () => {
  it('Adam and AdamW have a batched step (the CPU engine relies on it for speed)', () => {
    expect(withBatch.map((d) => d.id)).toEqual(expect.arrayContaining(['adam', 'adamw']));
  });

  for (const def of withBatch) {
    for (const [precision, r] of [['f32', roundF32Ftz], ['f64', (v: number) => v]] as const) {
      it(`${def.id} (${precision}), every flag, random θ and gradients incl. zeros and tiny values`, () => {
        const rng = createRng(7);
        const rand = (): number => {
          const u = rng.uniform();
          // Mix in zeros and tiny gradients: the subnormal flush must happen in the same places.
          if (u < 0.05) return 0;
          if (u < 0.1) return (rng.uniform() - 0.5) * 1e-36;
          return r((rng.uniform() - 0.5) * 10);
        };
        for (const hyper of variants(def)) {
          const h = resolveHyper(def, hyper, r);
          const n = 37;
          const S = stateSize(def);
          const stride = S + 1; // a stride wider than the state: lanes must respect it
          const x = new Float64Array(n), y = new Float64Array(n), gx = new Float64Array(n), gy = new Float64Array(n);
          const state = new Float64Array(n * stride);
          const scalar: Float64Array[] = [];
          const theta: [number, number][] = [];
          for (let j = 0; j < n; j++) {
            x[j] = rand();
            y[j] = rand();
            theta.push([x[j], y[j]]);
            const s0 = initState(def, h).map(r);
            state.set(s0, j * stride);
            scalar.push(s0);
          }
          for (let t = 1; t <= 12; t++) {
            const lr = r(h.lr * (1 - t / 40));
            for (let j = 0; j < n; j++) {
              gx[j] = rand();
              gy[j] = rand();
            }
            def.stepBatch!({ n, x, y, gx, gy, state, stride, t, lr, h, r });
            for (let j = 0; j < n; j++) {
              const c: StepContext = { theta: Float64Array.from(theta[j]), g: Float64Array.of(gx[j], gy[j]), state: scalar[j], t, lr, h, r };
              def.step(c);
              theta[j] = [c.theta[0], c.theta[1]];
              const got = [x[j], y[j], ...state.subarray(j * stride, j * stride + S)];
              const want = [c.theta[0], c.theta[1], ...scalar[j]];
              if (!got.every((v, k) => Object.is(v, want[k]))) expect({ hyper, t, j, got }).toEqual({ hyper, t, j, got: want });
            }
          }
        }
      });
    }
  }
});
