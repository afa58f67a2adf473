/**
 * Contract of the data view (createDataView): the samples of a dataset objective in data space
 * with every visible run's current model drawn over them. Same lifecycle as the other plot
 * factories (../types.ts): create on mount, update(state) as often as the store changes (the
 * view redraws at most once per animation frame), destroy on cleanup.
 */
import type { Dataset, DatasetKind } from '../../core/data/types';
import type { PlotTheme } from '../types';

/** One run's current parameters θ: (w, b) of a line, or (w1, w2) of a classifier. */
export interface DataViewRun {
  readonly id: string;
  /** CSS colour. */
  readonly color: string;
  readonly hidden: boolean;
  readonly theta: readonly [number, number];
}

export interface DataViewState {
  /** Changes whenever the samples change (objective, its params, the seed). */
  readonly key: string;
  readonly kind: DatasetKind;
  readonly dataset: Dataset;
  readonly runs: readonly DataViewRun[];
  /** The selected run: its line is drawn thicker (and, for a classifier, its class-1 side shaded). */
  readonly selectedId: string | null;
  readonly theme: PlotTheme;
}

/** Translated words of the view. */
export interface DataViewLabels {
  /** Axis titles for regression data (feature, target). */
  readonly x: string;
  readonly y: string;
  /** Axis titles for classification data (the two features). */
  readonly x1: string;
  readonly x2: string;
  readonly class0: string;
  readonly class1: string;
  /** The caption when only a subset is drawn, e.g. "2,000 of 1,000,000 samples shown". */
  shownOf(shown: number, total: number): string;
}

export interface DataViewOptions {
  readonly ariaLabel: string;
  readonly labels: DataViewLabels;
}

export interface DataView {
  update(state: DataViewState): void;
  destroy(): void;
}
