// torch.optim.NAdam, twin of src/core/optimizers/nadam.ts.
// requires: hp_flags
// hp: [0] lr, [1] beta1, [2] beta2, [3] eps, [4] weight_decay, [5] momentum_decay,
//     [6] momentum_decay_base = 0.96^momentum_decay (derived on the CPU: no pow here).
// st: [0..1] exp_avg, [2..3] exp_avg_sq, [4] beta2^t, [5] base^t, [6] prod_{i<=t} mu_i.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let b1 = hp[1];
  let b2 = hp[2];
  let eps = hp[3];
  let wd = hp[4];
  let c = hp[6];
  let b2p = st[4] * b2;
  let cp = st[5] * c;
  let mu = b1 * (1.0 - 0.5 * cp);
  let mu_next = b1 * (1.0 - 0.5 * (cp * c));
  let mp = st[6] * mu;
  let mp_next = mp * mu_next;
  st[4] = b2p;
  st[5] = cp;
  st[6] = mp;
  let bc2 = 1.0 - b2p;
  var gg = g;
  if (hp_on(4u) && wd != 0.0) { gg = gg + wd * theta; }
  let m = b1 * vec2f(st[0], st[1]) + (1.0 - b1) * gg;
  let v = b2 * vec2f(st[2], st[3]) + (1.0 - b2) * (gg * gg);
  st[0] = m.x;
  st[1] = m.y;
  st[2] = v.x;
  st[3] = v.y;
  let mhat = (mu_next * m) / (1.0 - mp_next) + ((1.0 - mu) * gg) / (1.0 - mp);
  let vhat = v / bc2;
  return theta - (lr * mhat) / (sqrt(vhat) + eps);
}
