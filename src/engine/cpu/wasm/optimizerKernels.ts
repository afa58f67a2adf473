/**
 * Optimizer updates as f32x4 code: per lane exactly the operations of the optimizer's `step`
 * (src/core/optimizers/<id>.ts; stepBatch does the same ops), in the same order, each rounding
 * op flushed. Branches on hyperparameter values (λ ≠ 0, μ ≠ 0, nesterov, amsgrad, centered)
 * become the kernel's structure (part of its cache key); the values themselves come from the
 * pool at run time, so a retune that keeps the structure reuses the module.
 *
 * Values hoisted out of the lane loop (r(1 − β1), ...) are computed on the JS side with the same
 * rounding, which gives the bits the JS path computes per call. Optimizers without a kernel here
 * (adagrad, adadelta, nadam, radam, lion) run on the JS path.
 */
import { roundF32Ftz } from '../../../core/f32';
import type { PreparedRun } from '../../../core/simulate/prepare';
import type { Consts, V, VecBuilder } from './vector';

const r = roundF32Ftz;

/** f32 1.0. */
const ONE_BITS = 0x3f800000;

/** One group's values an update reads and writes in place (loop-carried locals). */
export interface UpdateIO {
  readonly x: V;
  readonly y: V;
  /** Gradient at θ (clipped when the run clips); read only. */
  readonly gx: V;
  readonly gy: V;
  /** State slot locals by slot index (only the plan's slots are bound). */
  readonly state: readonly V[];
  /** This step's learning rate, r(lr · m[t]), in every lane. */
  readonly lr: V;
  /** All ones when t > 1 (torch SGD's first-step buffer rule), else zeros. */
  readonly notFirst: V;
}

/** Emits one group's update; constants were allocated by the plan's build(). */
export type UpdateEmitter = (b: VecBuilder<PreparedRun>, io: UpdateIO) => void;

/** What a kernel needs to know about an optimizer configuration. */
export interface OptimizerPlan {
  /** Structure of the update (optimizer and value-dependent branches): part of the cache key. */
  readonly key: string;
  /** State slots the update reads or writes (the rest stay as they are). */
  readonly slots: readonly number[];
  /** Allocates pool constants and returns the per-group emitter. */
  build(consts: Consts<PreparedRun>): UpdateEmitter;
}

/** g ← g + λθ when λ ≠ 0 (coupled weight decay, every optimizer's first line). */
function coupled(b: VecBuilder<PreparedRun>, wd: V | null, g: V, theta: V): V {
  return wd === null ? g : b.add(g, b.mul(wd, theta));
}

function hyper(consts: Consts<PreparedRun>, name: string): V {
  return consts.fromPool((run) => run.h[name]);
}

/** r(1 − h[name]), as the JS step computes it. */
function oneMinus(consts: Consts<PreparedRun>, name: string): V {
  return consts.fromPool((run) => r(1 - run.h[name]));
}

/** The plan for `run`'s optimizer and hyperparameters, or a reason why there is none. */
export function optimizerPlan(run: PreparedRun): OptimizerPlan | string {
  const h = run.h;
  const wdOn = h.weight_decay !== undefined && h.weight_decay !== 0;
  const wdOf = (consts: Consts<PreparedRun>): V | null => (wdOn ? hyper(consts, 'weight_decay') : null);
  const id = run.def.id;
  switch (id) {
    case 'gd':
      return {
        key: `gd:${+wdOn}`,
        slots: [],
        build(consts) {
          const wd = wdOf(consts);
          return (b, io) => {
            for (const [th, g] of [[io.x, io.gx], [io.y, io.gy]]) b.sub(th, b.mul(io.lr, coupled(b, wd, g, th)), th);
          };
        },
      };
    case 'sgd': {
      const mom = h.momentum !== 0;
      const nesterov = h.nesterov !== 0;
      return {
        key: `sgd:${+wdOn}${+mom}${+nesterov}`,
        slots: mom ? [0, 1] : [],
        build(consts) {
          const wd = wdOf(consts);
          const mu = hyper(consts, 'momentum');
          const omd = oneMinus(consts, 'dampening');
          return (b, io) => {
            [[io.x, io.gx, 0], [io.y, io.gy, 1]].forEach(([th, g, i]) => {
              let gi = coupled(b, wd, g, th);
              if (mom) {
                const s = io.state[i];
                // torch starts the buffer at g itself: b_1 = g, later μb + (1 − τ)g.
                b.select(io.notFirst, b.add(b.mul(mu, s), b.mul(omd, gi)), gi, s);
                gi = nesterov ? b.add(gi, b.mul(mu, s)) : s;
              }
              b.sub(th, b.mul(io.lr, gi), th);
            });
          };
        },
      };
    }
    case 'momentum_ema':
      return {
        key: `momentum_ema:${+wdOn}`,
        slots: [0, 1],
        build(consts) {
          const wd = wdOf(consts);
          const beta = hyper(consts, 'beta');
          const omb = oneMinus(consts, 'beta');
          return (b, io) => {
            [[io.x, io.gx, 0], [io.y, io.gy, 1]].forEach(([th, g, i]) => {
              const v = b.add(b.mul(beta, io.state[i]), b.mul(omb, coupled(b, wd, g, th)), io.state[i]);
              b.sub(th, b.mul(io.lr, v), th);
            });
          };
        },
      };
    case 'adam':
    case 'adamw':
      return adamPlan(id === 'adamw', wdOn, h.amsgrad !== 0);
    case 'rmsprop':
      return rmspropPlan(wdOn, h.centered !== 0, h.momentum > 0);
    case 'adamax':
      return {
        key: `adamax:${+wdOn}`,
        slots: [0, 1, 2, 3, 4],
        build(consts) {
          const wd = wdOf(consts);
          const b1 = hyper(consts, 'beta1');
          const b2 = hyper(consts, 'beta2');
          const eps = hyper(consts, 'eps');
          const omb1 = oneMinus(consts, 'beta1');
          const one = consts.splatBits(ONE_BITS);
          return (b, io) => {
            const s = io.state;
            const bc1 = b.sub(one, b.mul(s[4], b1, s[4]));
            [[io.x, io.gx, 0], [io.y, io.gy, 1]].forEach(([th, g, i]) => {
              const gi = coupled(b, wd, g, th);
              const m = b.add(b.mul(b1, s[i]), b.mul(omb1, gi));
              const u = b.max(b.mul(b2, s[2 + i]), b.add(b.fabs(gi), eps), s[2 + i]);
              b.copy(m, s[i]);
              b.sub(th, b.div(b.mul(io.lr, m), b.mul(bc1, u)), th);
            });
          };
        },
      };
    default:
      return `${id} has no wasm kernel`;
  }
}

/**
 * adamUpdate (adam: coupled decay when λ ≠ 0) or adamw.step (decoupled θ ← θ − r(γλ)θ first,
 * for every λ including 0, as the JS step does: it can turn −0 into +0).
 */
function adamPlan(decoupled: boolean, wdOn: boolean, ams: boolean): OptimizerPlan {
  return {
    key: `${decoupled ? 'adamw' : 'adam'}:${+wdOn}${+ams}`,
    slots: ams ? [0, 1, 2, 3, 4, 5, 6, 7] : [0, 1, 2, 3, 6, 7],
    build(consts) {
      const b1 = hyper(consts, 'beta1');
      const b2 = hyper(consts, 'beta2');
      const eps = hyper(consts, 'eps');
      const omb1 = oneMinus(consts, 'beta1');
      const omb2 = oneMinus(consts, 'beta2');
      const wdAll = decoupled || wdOn ? hyper(consts, 'weight_decay') : null;
      const one = consts.splatBits(ONE_BITS);
      return (b, io) => {
        const s = io.state;
        if (decoupled) {
          const lrWd = b.mul(io.lr, wdAll!);
          for (const th of [io.x, io.y]) b.sub(th, b.mul(lrWd, th), th);
        }
        // Running products instead of pow, per lane (each lane is its own run).
        const bc1 = b.sub(one, b.mul(s[6], b1, s[6]));
        const bc2 = b.sub(one, b.mul(s[7], b2, s[7]));
        [[io.x, io.gx, 0], [io.y, io.gy, 1]].forEach(([th, g, i]) => {
          const gi = coupled(b, decoupled ? null : wdAll, g, th);
          const m = b.add(b.mul(b1, s[i]), b.mul(omb1, gi), s[i]);
          let v = b.add(b.mul(b2, s[2 + i]), b.mul(omb2, b.mul(gi, gi)), s[2 + i]);
          if (ams) v = b.max(s[4 + i], v, s[4 + i]);
          b.sub(th, b.div(b.mul(io.lr, b.div(m, bc1)), b.add(b.sqrt(b.div(v, bc2)), eps)), th);
        });
      };
    },
  };
}

/** rmsprop.step: square average, optional centring, optional momentum buffer. */
function rmspropPlan(wdOn: boolean, centered: boolean, mom: boolean): OptimizerPlan {
  return {
    key: `rmsprop:${+wdOn}${+centered}${+mom}`,
    slots: [0, 1, ...(mom ? [2, 3] : []), ...(centered ? [4, 5] : [])],
    build(consts) {
      const wd = wdOn ? hyper(consts, 'weight_decay') : null;
      const alpha = hyper(consts, 'alpha');
      const oma = oneMinus(consts, 'alpha');
      const eps = hyper(consts, 'eps');
      const mu = hyper(consts, 'momentum');
      return (b, io) => {
        const s = io.state;
        [[io.x, io.gx, 0], [io.y, io.gy, 1]].forEach(([th, g, i]) => {
          const gi = coupled(b, wd, g, th);
          let vt = b.add(b.mul(alpha, s[i]), b.mul(oma, b.mul(gi, gi)), s[i]);
          if (centered) {
            const ga = b.add(b.mul(alpha, s[4 + i]), b.mul(oma, gi), s[4 + i]);
            vt = b.sub(vt, b.mul(ga, ga));
          }
          const denom = b.add(b.sqrt(vt), eps);
          if (mom) {
            const buf = b.add(b.mul(mu, s[2 + i]), b.div(gi, denom), s[2 + i]);
            b.sub(th, b.mul(io.lr, buf), th);
          } else {
            b.sub(th, b.div(b.mul(io.lr, gi), denom), th);
          }
        });
      };
    },
  };
}
