// torch.optim.Adam (coupled weight decay, amsgrad option), twin of src/core/optimizers/adam.ts.
// requires: adam_moments, hp_flags
// hp: [0] lr, [1] beta1, [2] beta2, [3] eps, [4] weight_decay, [5] amsgrad.
// st: [0..1] exp_avg, [2..3] exp_avg_sq, [4..5] max_exp_avg_sq, [6] beta1^t, [7] beta2^t.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let wd = hp[4];
  var gg = g;
  if (hp_on(4u) && wd != 0.0) { gg = gg + wd * theta; }
  return adam_moments_step(theta, gg, lr);
}
