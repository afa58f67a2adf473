// torch.optim.SGD, twin of src/core/optimizers/sgd.ts.
// requires: hp_flags
// hp: [0] lr, [1] momentum, [2] dampening, [3] nesterov, [4] weight_decay.
// st: [0..1] momentum_buffer.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let mu = hp[1];
  let damp = hp[2];
  let wd = hp[4];
  var gg = g;
  if (hp_on(4u) && wd != 0.0) { gg = gg + wd * theta; }
  if (hp_on(1u) && mu != 0.0) {
    var b = gg;
    if (t > 1.0) { b = mu * vec2f(st[0], st[1]) + (1.0 - damp) * gg; }
    st[0] = b.x;
    st[1] = b.y;
    if (hp_on(3u) && hp[3] != 0.0) { gg = gg + mu * b; } else { gg = b; }
  }
  return theta - lr * gg;
}
