// torch.optim.Adadelta, twin of src/core/optimizers/adadelta.ts.
// requires: hp_flags
// hp: [0] lr, [1] rho, [2] eps, [3] weight_decay. st: [0..1] square_avg, [2..3] acc_delta.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let rho = hp[1];
  let eps = hp[2];
  let wd = hp[3];
  var gg = g;
  if (hp_on(3u) && wd != 0.0) { gg = gg + wd * theta; }
  let v = rho * vec2f(st[0], st[1]) + (1.0 - rho) * (gg * gg);
  let u = vec2f(st[2], st[3]);
  let dx = (sqrt(u + eps) / sqrt(v + eps)) * gg;
  let u_new = rho * u + (1.0 - rho) * (dx * dx);
  st[0] = v.x;
  st[1] = v.y;
  st[2] = u_new.x;
  st[3] = u_new.y;
  return theta - lr * dx;
}
