/**
 * Public contract of the plot factories (src/plots). CONTRACT: the UI mounts these from React
 * effects: `const v = createSurfaceView(el, opts)` on mount, `v.update(state)` whenever the
 * store changes (cheap to call every frame), `v.destroy()` on cleanup.
 *
 * Theme colours come from CSS custom properties on (or inherited by) the host element, with
 * fallbacks per theme: --gs-fg (text/axes), --gs-muted (secondary text), --gs-grid (grid and
 * rules), --gs-bg (background behind labels and tooltips), --gs-accent (start handle).
 */
import type { Box, KnownMinimum } from '../core/objectives/types';
import type { RunStatus } from '../core/experiment';

export type { Box, KnownMinimum, RunStatus };

export type PlotTheme = 'light' | 'dark';
export type ColorScaleKind = 'linear' | 'log';

/** The scalar field the heatmap and contours show. */
export interface SurfaceField {
  /** Changes whenever the function changes (objective id, params, formula). */
  readonly key: string;
  evaluate(x: number, y: number): number;
}

/** One optimizer run's trajectory. Arrays may be longer than `length` (preallocated). */
export interface SurfaceRun {
  readonly id: string;
  /** CSS colour. */
  readonly color: string;
  readonly hidden: boolean;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Number of valid samples in x / y (sample 0 is the start). */
  readonly length: number;
  readonly status: RunStatus;
}

/**
 * An arrow drawn from the selected run's current position, in data units.
 * 'gradient' should be passed as the raw gradient g: the view draws −g (downhill), scaled by
 * `arrowScale` (see src/plots/surface/arrows.ts) so that it is visible at any zoom.
 * 'velocity' and 'step' are drawn as given (a step of Δθ), also length-normalised.
 */
export interface SurfaceArrow {
  readonly kind: 'gradient' | 'velocity' | 'step';
  readonly dx: number;
  readonly dy: number;
  readonly label: string;
}

/** Optimizer state at the selected run's current point. */
export interface SurfaceSelection {
  readonly id: string;
  readonly arrows: readonly SurfaceArrow[];
  /**
   * Per-coordinate effective step size in data units, e.g. Adam's lr/(√v̂+ε): HALF-extents, the
   * box spans x ± w, y ± h around the current point (magnified like the arrows, see arrows.ts).
   */
  readonly boxes?: { readonly w: number; readonly h: number; readonly label: string };
}

/** The current iterates of an ensemble run's members (a cloud of dots in the run's colour). */
export interface SurfaceCloud {
  readonly id: string;
  readonly color: string;
  readonly hidden: boolean;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly length: number;
}

export interface SurfaceViewState {
  readonly field: SurfaceField;
  /** The data window shown. */
  readonly view: Box;
  readonly colorScale: ColorScaleKind;
  readonly theme: PlotTheme;
  readonly minima: readonly KnownMinimum[];
  readonly start: readonly [number, number];
  readonly runs: readonly SurfaceRun[];
  readonly selected?: SurfaceSelection;
  /** Ensembles: every member's current position. */
  readonly clouds?: readonly SurfaceCloud[];
}

export interface SurfaceViewOptions {
  /** The user moved the start (click, drag of the handle, arrow keys); data coordinates. */
  onStartChange(x: number, y: number): void;
  /** The user zoomed or panned; the new data window. The view waits for update() to apply it. */
  onViewChange?(view: Box): void;
  /** The user clicked a run's current-position marker. */
  onSelectRun?(id: string): void;
  ariaLabel: string;
  /** Translated tooltip/legend words. */
  labels?: { readonly start: string; readonly minimum: string; readonly byRank?: string; readonly byRankTitle?: string };
  /** Draw the start handle (default true); the swarm view has no single start. */
  startHandle?: boolean;
}

export interface SurfaceView {
  update(state: SurfaceViewState): void;
  destroy(): void;
}

export interface LineSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly hidden: boolean;
  /** y per step; x is the step index 0..length-1, or xs[i] when given. */
  readonly values: Float64Array;
  readonly length: number;
  /**
   * x of each index when the axis is not the step (e.g. gradient evaluations spent by step i):
   * non-decreasing, at least `length` long.
   */
  readonly xs?: ArrayLike<number>;
  /** A shaded band around the line (an ensemble's 10–90 % range), per index like `values`. */
  readonly band?: { readonly lo: Float64Array; readonly hi: Float64Array };
  /** Step at which the run diverged (a × is drawn there). */
  readonly divergedAt?: number;
  readonly divergedLabel?: string;
}

export interface LineChartState {
  readonly series: readonly LineSeries[];
  readonly yScale: ColorScaleKind;
  /** Right end of the x axis (total steps of the experiment, or the series' xs at that step). */
  readonly xMax: number;
  /** Axis title when it differs from the options' xLabel (the axis unit can change). */
  readonly xLabel?: string;
  /** d3-format specifier of the x ticks and the hover read-out (default '~s': 500, 1k, 2.5k). */
  readonly xFormat?: string;
  readonly theme: PlotTheme;
}

export interface LineChartOptions {
  yLabel: string;
  xLabel: string;
  ariaLabel: string;
  formatValue?(v: number): string;
  /** data-testid of the root element (default 'line-chart'). */
  testId?: string;
}

export interface LineChart {
  /** Coalesced: the chart redraws at most once per animation frame with the latest state. */
  update(state: LineChartState): void;
  destroy(): void;
}
