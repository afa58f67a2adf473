// torch.optim.RAdam, twin of src/core/optimizers/radam.ts.
// requires: hp_flags
// hp: [0] lr, [1] beta1, [2] beta2, [3] eps, [4] weight_decay, [5] rho_inf (derived).
// st: [0..1] exp_avg, [2..3] exp_avg_sq, [4] beta1^t, [5] beta2^t.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let b1 = hp[1];
  let b2 = hp[2];
  let eps = hp[3];
  let wd = hp[4];
  let rho_inf = hp[5];
  st[4] = st[4] * b1;
  st[5] = st[5] * b2;
  let bc1 = 1.0 - st[4];
  let bc2 = 1.0 - st[5];
  let rho = rho_inf - ((2.0 * t) * st[5]) / bc2;
  var gg = g;
  if (hp_on(4u) && wd != 0.0) { gg = gg + wd * theta; }
  let m = b1 * vec2f(st[0], st[1]) + (1.0 - b1) * gg;
  let v = b2 * vec2f(st[2], st[3]) + (1.0 - b2) * (gg * gg);
  st[0] = m.x;
  st[1] = m.y;
  st[2] = v.x;
  st[3] = v.y;
  let mhat = m / bc1;
  if (rho > 5.0) {
    let rect = sqrt((((rho - 4.0) * (rho - 2.0)) * rho_inf) / (((rho_inf - 4.0) * (rho_inf - 2.0)) * rho));
    let l = sqrt(bc2) / (sqrt(v) + eps);
    return theta - ((lr * mhat) * rect) * l;
  }
  return theta - lr * mhat;
}
