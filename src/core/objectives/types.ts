/**
 * Public contract of the objective registry (src/core/objectives). Every objective is data:
 * a formula in the formula language (src/core/expr) plus metadata. The TS evaluator, its
 * gradient and its WGSL are generated from the formula; nothing is written twice.
 */
import type { CompiledFormula } from '../expr/types';
import type { Dataset, DatasetKind } from '../data/types';
import type { SampleLoss } from '../finiteSum/losses';

export type ObjectiveId =
  | 'quadratic'
  | 'rosenbrock'
  | 'beale'
  | 'himmelblau'
  | 'booth'
  | 'rastrigin'
  | 'ackley'
  | 'goldstein_price'
  | 'six_hump_camel'
  | 'styblinski_tang'
  | 'saddle'
  | 'two_wells'
  | 'linear_regression'
  | 'logistic_regression'
  | 'custom';

/** A user-facing parameter of a surface (e.g. Rosenbrock's a and b). */
export interface ObjectiveParamSpec {
  readonly name: string;
  readonly symbol: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly scale: 'linear' | 'log';
  /** 'int': whole numbers (a sample count); 'bool': 0 or 1 (a switch). Default 'real'. */
  readonly kind?: 'real' | 'int' | 'bool';
  /**
   * Carried by configs and links but not offered as a control (the dataset objectives' `data`:
   * the id of imported samples, set by importing a file, never by a slider).
   */
  readonly hidden?: boolean;
}

export interface Box {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface KnownMinimum {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  /** True for the global minimum (others are local). */
  readonly global: boolean;
}

export interface ObjectiveDef {
  readonly id: ObjectiveId;
  /** English display name (the UI translates by id). */
  readonly name: string;
  /** Formula text in x, y and the parameter names (user params, then derived names). */
  readonly formula: string;
  readonly params: readonly ObjectiveParamSpec[];
  /**
   * Names computed once on the CPU from the user params (e.g. the quadratic's cos/sin of the
   * rotation), so the formula stays free of transcendental calls where possible.
   */
  readonly derived: readonly string[];
  derive(p: Readonly<Record<string, number>>, seed?: number): Record<string, number>;
  /** Where the function is meaningful (test points are drawn here). */
  readonly domain: Box;
  /** Default view window of the surface view. */
  readonly view: Box;
  /** Known minima for the given params (computed numerically where no closed form exists). */
  minima(p: Readonly<Record<string, number>>, seed?: number): readonly KnownMinimum[];
  readonly start: readonly [number, number];
  readonly colorScale: 'linear' | 'log';
  /** False for surfaces without a lower bound (saddle): runs are expected to diverge. */
  readonly bounded: boolean;
  /**
   * Learning-rate scale for optimizers whose step is proportional to ∇f (gd, sgd,
   * momentum_ema; 1 when absent): a surface whose gradients are ~100× steeper than the
   * classic ones takes 0.01 so the same race neither diverges nor crawls. Adaptive optimizers
   * (Adam, RMSprop, ...) normalise the gradient and ignore it.
   */
  readonly lrScale?: number;
  /**
   * Dataset objectives (finite sums): the kind of data and the per-sample loss the engines
   * average over the run's batches (src/core/finiteSum). The data come from the experiment's
   * seed and the objective's params.
   */
  readonly dataset?: { readonly kind: DatasetKind; readonly loss: SampleLoss };
}

/** An objective bound to parameter values, ready to evaluate. */
export interface BoundObjective {
  readonly def: ObjectiveDef;
  readonly formula: CompiledFormula;
  /** Values in `formula.params` order (user params then derived). */
  readonly paramValues: Float64Array;
  readonly minima: readonly KnownMinimum[];
  /** Dataset objectives: the samples (from the experiment's seed). */
  readonly dataset?: Dataset;
}
