// Textbook EMA momentum, twin of src/core/optimizers/momentumEma.ts.
// requires: hp_flags
// hp: [0] lr (alpha), [1] beta, [2] weight_decay. st: [0..1] velocity.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let beta = hp[1];
  let wd = hp[2];
  var gg = g;
  if (hp_on(2u) && wd != 0.0) { gg = gg + wd * theta; }
  let v = beta * vec2f(st[0], st[1]) + (1.0 - beta) * gg;
  st[0] = v.x;
  st[1] = v.y;
  return theta - lr * v;
}
