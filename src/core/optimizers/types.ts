/**
 * Public contract of the optimizer registry (src/core/optimizers).
 *
 * Semantics follow the algorithm boxes of torch.optim's documentation, with PyTorch's
 * hyperparameter names. One TS `step` serves both precisions: every arithmetic result goes
 * through `c.r` (identity for float64, Math.fround for float32), in the same order as the WGSL
 * twin in shaders/optimizers/<id>.wgsl, so the float32 mode matches the GPU bit for bit.
 */

export type OptimizerId =
  | 'gd'
  | 'sgd'
  | 'momentum_ema'
  | 'adagrad'
  | 'rmsprop'
  | 'adadelta'
  | 'adam'
  | 'adamw'
  | 'adamax'
  | 'nadam'
  | 'radam'
  | 'lion'
  | 'sag'
  | 'svrg';

/** One hyperparameter, as a control and as a validation rule. */
export interface HyperSpec {
  /** PyTorch's argument name: lr, momentum, dampening, nesterov, weight_decay, beta1, ... */
  readonly name: string;
  /** LaTeX symbol, e.g. '\\alpha', '\\beta_1'. */
  readonly symbol: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Slider scale. */
  readonly scale: 'linear' | 'log';
  /** 'bool' values are 0 or 1 (nesterov, amsgrad, centered); 'int' are integers. */
  readonly kind: 'real' | 'int' | 'bool';
}

/** Hyperparameter values by name (booleans as 0/1). */
export type HyperValues = Readonly<Record<string, number>>;

/**
 * Everything one update needs. Arrays are length 2 (x, y). `state` is laid out as
 * slot k of coordinate i at [2k + i], then the per-run scalars at [2 * slots.length + j].
 */
export interface StepContext {
  /** Parameters θ, updated in place. */
  readonly theta: Float64Array;
  /** Gradient at θ (already clipped by norm if the run asks; weight decay NOT yet applied). */
  readonly g: Float64Array;
  /** Optimizer state, updated in place. */
  readonly state: Float64Array;
  /** 1-based step number. */
  readonly t: number;
  /** Learning rate for this step after the schedule (already rounded by r). */
  readonly lr: number;
  /** Hyperparameter values (rounded by r), including the derived ones. */
  readonly h: HyperValues;
  /** Rounding after every operation: identity (float64) or Math.fround (float32). */
  readonly r: (v: number) => number;
}

/**
 * Many runs' updates at once, structure of arrays: lane j has θ = (x[j], y[j]), gradient
 * (gx[j], gy[j]) and its state (layout as in StepContext) at state[j·stride ...]. Every lane
 * shares t, lr and h (one template run), as the CPU engine's population chunks do.
 */
export interface BatchStepContext {
  /** Number of lanes. */
  readonly n: number;
  /** θ per lane, updated in place. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Gradient per lane (already clipped; weight decay NOT yet applied). Not modified. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** States of all lanes, lane j's at [j·stride, j·stride + stateSize); updated in place. */
  readonly state: Float64Array;
  readonly stride: number;
  readonly t: number;
  readonly lr: number;
  readonly h: HyperValues;
  readonly r: (v: number) => number;
}

/** One optimizer: schema, state layout and reference update. */
export interface OptimizerDef {
  readonly id: OptimizerId;
  /** English display name (the UI translates by id). */
  readonly name: string;
  /** Hyperparameters, lr first; order is the order of the WGSL `hp` array. */
  readonly hyper: readonly HyperSpec[];
  /**
   * Values computed once on the CPU in float64 from the hyperparameters (anything needing pow,
   * e.g. nadam's 0.96^ψ); appended after `hyper` in the WGSL `hp` array, rounded in f32 mode.
   */
  readonly derived: readonly string[];
  derive(h: HyperValues): Record<string, number>;
  /** Per-coordinate state slot names (e.g. adam: ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']). */
  readonly slots: readonly string[];
  /** Per-run scalar state names (running products, e.g. ['beta1_pow', 'beta2_pow']). */
  readonly scalars: readonly string[];
  /** Initial state (zeros unless the algorithm says otherwise; running products start at 1). */
  init(h: HyperValues, state: Float64Array): void;
  /**
   * True for optimizers defined on finite sums (SAG, SVRG): the app offers them for dataset
   * objectives, where src/core/finiteSum runs them; on a surface `step` is what they reduce to.
   */
  readonly needsData?: boolean;
  /** One update, in place. */
  step(c: StepContext): void;
  /**
   * Optional batched twin of `step` for engines stepping many runs: per lane exactly the
   * operations of `step`, in the same order (stepBatch.test.ts holds them equal bit for bit).
   */
  stepBatch?(c: BatchStepContext): void;
}
