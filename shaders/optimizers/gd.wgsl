// Gradient descent, twin of src/core/optimizers/gd.ts.
// requires: hp_flags
// hp: [0] lr, [1] weight_decay. st: unused.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let wd = hp[1];
  var gg = g;
  if (hp_on(1u) && wd != 0.0) { gg = gg + wd * theta; }
  return theta - lr * gg;
}
