// torch.optim.Adagrad, twin of src/core/optimizers/adagrad.ts.
// requires: hp_flags
// hp: [0] lr, [1] lr_decay, [2] weight_decay, [3] initial_accumulator_value, [4] eps.
// st: [0..1] sum.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let wd = hp[2];
  let eps = hp[4];
  let clr = lr / (1.0 + (t - 1.0) * hp[1]);
  var gg = g;
  if (hp_on(2u) && wd != 0.0) { gg = gg + wd * theta; }
  let s = vec2f(st[0], st[1]) + gg * gg;
  st[0] = s.x;
  st[1] = s.y;
  return theta - (clr * gg) / (sqrt(s) + eps);
}
