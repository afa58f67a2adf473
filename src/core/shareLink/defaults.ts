/**
 * What a link falls back to: the playground's first race (src/store/defaults.ts builds the
 * same race through the store's reducers) when a link has no usable objective or runs.
 */
import { resolveExperiment, type ExperimentInput, type ResolvedExperiment } from '../experiment';
import type { LinkState } from './types';

export const DEFAULT_OBJECTIVE = { id: 'rosenbrock' } as const;

export const DEFAULT_RUNS: ExperimentInput['runs'] = [
  { optimizer: 'gd', hyper: { lr: 1e-3 } },
  { optimizer: 'momentum_ema', hyper: { lr: 1e-2, beta: 0.9 } },
  { optimizer: 'rmsprop', hyper: { lr: 5e-3 } },
  { optimizer: 'adam', hyper: { lr: 2e-2 } },
];

export const DEFAULT_INPUT: ExperimentInput = {
  objective: { ...DEFAULT_OBJECTIVE },
  start: [-1.5, 2.2],
  steps: 3000,
  gradTol: 1e-3,
  runs: DEFAULT_RUNS,
};

export function defaultExperiment(): ResolvedExperiment {
  return resolveExperiment(DEFAULT_INPUT);
}

export function defaultLinkState(): LinkState {
  return { experiment: defaultExperiment(), view: null, lang: null, mode: { present: false, embed: false, hide: [], lesson: null } };
}
