// Gradient clipping by global norm (torch.nn.utils.clip_grad_norm_), twin of
// src/core/optimizers/clip.ts. max_norm <= 0 means off.
fn clip_grad(g: vec2f, max_norm: f32) -> vec2f {
  if (!(max_norm > 0.0)) { return g; }
  let norm = sqrt(g.x * g.x + g.y * g.y);
  let coef = max_norm / (norm + 1e-6);
  if (coef < 1.0) { return g * coef; }
  return g;
}
