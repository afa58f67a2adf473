// torch.optim.Adamax, twin of src/core/optimizers/adamax.ts.
// requires: hp_flags
// hp: [0] lr, [1] beta1, [2] beta2, [3] eps, [4] weight_decay.
// st: [0..1] exp_avg, [2..3] exp_inf, [4] beta1^t.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let b1 = hp[1];
  let b2 = hp[2];
  let eps = hp[3];
  let wd = hp[4];
  st[4] = st[4] * b1;
  let bc1 = 1.0 - st[4];
  var gg = g;
  if (hp_on(4u) && wd != 0.0) { gg = gg + wd * theta; }
  let m = b1 * vec2f(st[0], st[1]) + (1.0 - b1) * gg;
  let u = max(b2 * vec2f(st[2], st[3]), abs(gg) + eps);
  st[0] = m.x;
  st[1] = m.y;
  st[2] = u.x;
  st[3] = u.y;
  return theta - (lr * m) / (bc1 * u);
}
