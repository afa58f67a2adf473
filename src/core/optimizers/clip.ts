/**
 * Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_:
 * norm = ‖g‖₂; coef = maxNorm / (norm + 1e-6); if coef < 1 then g ← g·coef.
 * Op order (repeated by shaders/optimizers/clip.wgsl):
 *   norm = r(√r(r(gx²) + r(gy²))); coef = r(maxNorm / r(norm + r(1e-6))); g_i = r(g_i·coef).
 * The constant 1e-6 is itself rounded by r, because the WGSL literal is an f32 constant.
 * maxNorm ≤ 0 means "off" (0 is the config's off value).
 */
export function clipGradNorm(g: Float64Array, maxNorm: number, r: (v: number) => number): void {
  if (!(maxNorm > 0)) return;
  const norm = r(Math.sqrt(r(r(g[0] * g[0]) + r(g[1] * g[1]))));
  const coef = r(maxNorm / r(norm + r(1e-6)));
  if (coef < 1) {
    g[0] = r(g[0] * coef);
    g[1] = r(g[1] * coef);
  }
}
