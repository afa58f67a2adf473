/** Display names of runs, optimizers and surfaces, translated by id. */
import type { TFunction } from 'i18next';
import type { OptimizerId } from '../../core/optimizers/types';
import type { ObjectiveId } from '../../core/objectives/types';

export function optimizerName(t: TFunction, id: OptimizerId): string {
  return t(`optimizer.names.${id}`);
}

export function surfaceName(t: TFunction, id: ObjectiveId): string {
  return t(`surface.names.${id}`);
}

/**
 * A run's label, or, when the user gave none, its optimizer's translated name with the run's
 * number among that optimizer's runs from the second on ("Adam", "Adam 2"; see nextOrdinal).
 */
export function runName(t: TFunction, run: { readonly label: string; readonly optimizer: OptimizerId; readonly ordinal?: number }): string {
  if (run.label.trim() !== '') return run.label;
  const name = optimizerName(t, run.optimizer);
  return (run.ordinal ?? 1) > 1 ? t('optimizer.numbered', { name, n: run.ordinal }) : name;
}
