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

/** A run's label, or its optimizer's translated name when the user gave none. */
export function runName(t: TFunction, run: { readonly label: string; readonly optimizer: OptimizerId }): string {
  return run.label.trim() !== '' ? run.label : optimizerName(t, run.optimizer);
}
