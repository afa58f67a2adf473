/**
 * The selected run's optimizer state as arrows and boxes for the surface view: the gradient,
 * the momentum/velocity (the direction the optimizer is moving), the last step, and for the
 * Adam family the per-coordinate effective step lr·m̂/(√v̂+ε), drawn as a box like
 * gradient_descent_viz's squares.
 */
import type { OptimizerDef } from '../../core/optimizers/types';
import type { SurfaceArrow, SurfaceSelection } from '../../plots/types';

export interface SelectionLabels {
  readonly gradient: string;
  readonly velocity: string;
  readonly step: string;
  readonly effective: string;
}

export interface SelectionInput {
  readonly id: string;
  readonly def: OptimizerDef;
  readonly hyper: Readonly<Record<string, number>>;
  /** Optimizer state (layout of OptimizerDef: slot k coordinate i at 2k + i, then scalars). */
  readonly state?: Float64Array;
  /** Last gradient (x, y). */
  readonly grad?: readonly [number, number];
  /** Last step Δθ (x, y), when at least one step was taken. */
  readonly step?: readonly [number, number];
}

/** Slots that hold a momentum-like quantity, and the sign that points it along the motion. */
const VELOCITY_SLOTS: Record<string, number> = { velocity: -1, momentum_buffer: -1, exp_avg: -1 };

function slot(def: OptimizerDef, state: Float64Array, name: string): [number, number] | null {
  const k = def.slots.indexOf(name);
  return k < 0 ? null : [state[2 * k], state[2 * k + 1]];
}

function scalar(def: OptimizerDef, state: Float64Array, name: string): number | null {
  const j = def.scalars.indexOf(name);
  return j < 0 ? null : state[2 * def.slots.length + j];
}

/** Builds the SurfaceSelection for one run (pure). */
export function buildSelection(input: SelectionInput, labels: SelectionLabels): SurfaceSelection {
  const { def, state, grad, step } = input;
  const arrows: SurfaceArrow[] = [];
  if (grad && Number.isFinite(grad[0]) && Number.isFinite(grad[1])) {
    arrows.push({ kind: 'gradient', dx: grad[0], dy: grad[1], label: labels.gradient });
  }
  if (state) {
    for (const [name, sign] of Object.entries(VELOCITY_SLOTS)) {
      const v = slot(def, state, name);
      if (v && (v[0] !== 0 || v[1] !== 0)) {
        arrows.push({ kind: 'velocity', dx: sign * v[0], dy: sign * v[1], label: labels.velocity });
        break;
      }
    }
  }
  if (step && (step[0] !== 0 || step[1] !== 0)) arrows.push({ kind: 'step', dx: step[0], dy: step[1], label: labels.step });
  const boxes = state ? adamBox(input, state, labels.effective) : undefined;
  return boxes ? { id: input.id, arrows, boxes } : { id: input.id, arrows };
}

/** Adam-family effective step per coordinate; undefined for other optimizers or before step 1. */
function adamBox(input: SelectionInput, state: Float64Array, label: string): SurfaceSelection['boxes'] {
  const { def, hyper } = input;
  const m = slot(def, state, 'exp_avg');
  const v = slot(def, state, 'exp_avg_sq');
  if (!m || !v) return undefined;
  const b1p = scalar(def, state, 'beta1_pow');
  const b2p = scalar(def, state, 'beta2_pow');
  // Without a bias-correction product (NAdam keeps others), show the uncorrected ratio.
  const bc1 = b1p === null ? 1 : 1 - b1p;
  const bc2 = b2p === null ? 1 : 1 - b2p;
  if (bc1 <= 0 || bc2 <= 0) return undefined;
  const lr = hyper.lr ?? 0;
  const eps = hyper.eps ?? 1e-8;
  const eff = (i: number) => Math.abs((lr * (m[i] / bc1)) / (Math.sqrt(v[i] / bc2) + eps));
  const w = eff(0);
  const h = eff(1);
  if (!Number.isFinite(w) || !Number.isFinite(h) || (w === 0 && h === 0)) return undefined;
  return { w, h, label };
}
