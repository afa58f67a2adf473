/**
 * LaTeX for a run's learning-rate schedule and gradient clipping, with its values substituted
 * (the explain panel shows them under the update rule). The formulas are scheduleFactors' and
 * clipGradNorm's, written out: change those and these together.
 */
import type { ScheduleConfig } from './experiment';
import { latexNumber as n } from './optimizers/latex';

/** The multiplier m(t) of `s` without warm-up; null for 'constant' (m = 1). */
function factor(s: ScheduleConfig): string | null {
  switch (s.kind) {
    case 'constant':
      return null;
    case 'step':
      return `${n(s.gamma)}^{\\lfloor (t-1)/${n(s.step_size)} \\rfloor}`;
    case 'exponential':
      return `${n(s.gamma)}^{\\,t-1}`;
    case 'cosine': {
      const cos = `\\tfrac{1}{2}\\bigl(1 + \\cos\\tfrac{\\pi \\min(t-1,\\,${n(s.t_max)})}{${n(s.t_max)}}\\bigr)`;
      return s.min_factor === 0 ? cos : `\\bigl(${n(s.min_factor)} + ${n(1 - s.min_factor)}\\cdot ${cos}\\bigr)`;
    }
  }
}

/**
 * The learning rate at step t, e.g. step every 10 with γ 0.5 on lr 0.01:
 * '\alpha_t = 0.01 \cdot 0.5^{\lfloor (t-1)/10 \rfloor}'. Null when it is the constant lr.
 */
export function scheduleLatex(s: ScheduleConfig, lr: number, symbol = '\\alpha'): string | null {
  const parts = [factor(s), s.warmup > 0 ? `\\min(1,\\, t/${n(s.warmup)})` : null].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `${symbol}_t = ${n(lr)} \\cdot ${parts.join(' \\cdot ')}`;
}

/** Clipping by global norm, as clipGradNorm; null when off (maxNorm 0). */
export function clipLatex(maxNorm: number): string | null {
  if (!(maxNorm > 0)) return null;
  return `g_t \\leftarrow g_t \\cdot \\min\\Bigl(1,\\, \\frac{${n(maxNorm)}}{\\lVert g_t \\rVert_2 + 10^{-6}}\\Bigr)`;
}
