// torch.optim.RMSprop, twin of src/core/optimizers/rmsprop.ts.
// requires: hp_flags
// hp: [0] lr, [1] alpha, [2] eps, [3] weight_decay, [4] momentum, [5] centered.
// st: [0..1] square_avg, [2..3] momentum_buffer, [4..5] grad_avg.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let alpha = hp[1];
  let eps = hp[2];
  let wd = hp[3];
  let mu = hp[4];
  var gg = g;
  if (hp_on(3u) && wd != 0.0) { gg = gg + wd * theta; }
  let v = alpha * vec2f(st[0], st[1]) + (1.0 - alpha) * (gg * gg);
  st[0] = v.x;
  st[1] = v.y;
  var vt = v;
  if (hp_on(5u) && hp[5] != 0.0) {
    let ga = alpha * vec2f(st[4], st[5]) + (1.0 - alpha) * gg;
    st[4] = ga.x;
    st[5] = ga.y;
    vt = vt - ga * ga;
  }
  let denom = sqrt(vt) + eps;
  if (hp_on(4u) && mu > 0.0) {
    let b = mu * vec2f(st[2], st[3]) + gg / denom;
    st[2] = b.x;
    st[3] = b.y;
    return theta - lr * b;
  }
  return theta - (lr * gg) / denom;
}
