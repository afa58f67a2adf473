/**
 * The least-squares fit of a linear model to its data: the θ that minimises the training loss
 * exactly, from the normal equations AᵀA θ = Aᵀy with A = [X 1] (d weights, then the bias).
 * Its loss is the floor that every optimizer's curve approaches (the worked example's "floor"),
 * a little below σ²/2 because the fit also absorbs some of the noise.
 */
import type { LinearData } from './data';
import { linearLoss } from './linear';

/**
 * θ* = argmin L(θ) for `data` (length d + 1: w_1..w_d, b). AᵀA is symmetric positive definite
 * whenever the features are not collinear, so a Cholesky factorisation solves it; a singular
 * system (collinear features, fewer samples than parameters) throws, naming its size.
 */
export function leastSquaresFit(data: LinearData): Float64Array {
  const { n, d, x, y } = data;
  const p = d + 1;
  const a = (i: number, j: number) => (j < d ? x[i * d + j] : 1);
  // M = AᵀA (row-major, p × p), c = Aᵀy.
  const M = new Float64Array(p * p);
  const c = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const aij = a(i, j);
      c[j] += aij * y[i];
      for (let k = 0; k <= j; k++) M[j * p + k] += aij * a(i, k);
    }
  }
  // Cholesky M = LLᵀ in place (lower triangle).
  for (let j = 0; j < p; j++) {
    let s = M[j * p + j];
    for (let k = 0; k < j; k++) s -= M[j * p + k] ** 2;
    if (!(s > 0)) throw new Error(`leastSquaresFit: AᵀA (${p} × ${p}, n = ${n}) is singular: the features are collinear`);
    const ljj = Math.sqrt(s);
    M[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let t = M[i * p + j];
      for (let k = 0; k < j; k++) t -= M[i * p + k] * M[j * p + k];
      M[i * p + j] = t / ljj;
    }
  }
  // Forward (L z = c), then back (Lᵀ θ = z) substitution.
  const theta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = c[i];
    for (let k = 0; k < i; k++) s -= M[i * p + k] * theta[k];
    theta[i] = s / M[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = theta[i];
    for (let k = i + 1; k < p; k++) s -= M[k * p + i] * theta[k];
    theta[i] = s / M[i * p + i];
  }
  return theta;
}

/** The training loss of the least-squares fit: the lowest loss any optimizer can reach. */
export function leastSquaresLoss(data: LinearData): number {
  return linearLoss(data, leastSquaresFit(data));
}
