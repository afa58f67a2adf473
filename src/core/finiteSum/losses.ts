/**
 * The per-sample losses of the dataset objectives, in the formula language (src/core/expr), so
 * their value, exact gradient and WGSL come from the same compiler as every surface. The
 * model's two parameters are the formula's x and y (the surface view's axes); a sample's
 * columns are formula parameters, read per sample (on the GPU through WgslEmitOptions.paramExpr).
 *
 * The objective is the mean of the per-sample losses: L(θ) = (1/n) Σ_i ℓ(θ; sample i).
 */

/** A per-sample loss: its formula, the data columns it reads (in `params` order), its LaTeX. */
export interface SampleLoss {
  readonly formula: string;
  /** Formula parameter names, one per data column the loss reads, in the compiler's order. */
  readonly params: readonly string[];
  /** How the UI writes it (θ named as the model names it). */
  readonly latex: string;
}

/**
 * Linear regression, parameters θ = (w, b) as (x, y): squared error of the line w·x_i + b at
 * the sample (x_i, y_i), so L is the mean squared error. Columns: xi (feature), yi (target).
 */
export const LINEAR_REGRESSION_LOSS: SampleLoss = {
  formula: '(x*xi + y - yi)^2',
  params: ['xi', 'yi'],
  latex: '\\ell_i(w, b) = (w\\,x_i + b - y_i)^2',
};

/**
 * Logistic regression through the origin, parameters θ = (w1, w2) as (x, y): the cross-entropy
 * of σ(w·x_i) for the label l_i ∈ {0, 1}, written with s_i = 2·l_i − 1 ∈ {−1, 1} as
 * softplus(−s_i·w·x_i) in its overflow-free form max(z, 0) + log(1 + exp(−|z|)).
 * Columns: x1i, x2i (features), si (the signed label).
 */
export const LOGISTIC_REGRESSION_LOSS: SampleLoss = {
  formula: 'max(-si*(x*x1i + y*x2i), 0) + log(1 + exp(-abs(-si*(x*x1i + y*x2i))))',
  params: ['x1i', 'x2i', 'si'],
  latex: '\\ell_i(w_1, w_2) = \\log\\bigl(1 + e^{-s_i (w_1 x_{1i} + w_2 x_{2i})}\\bigr)',
};
