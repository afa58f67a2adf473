// Lion (Chen et al. 2023), twin of src/core/optimizers/lion.ts.
// hp: [0] lr, [1] beta1, [2] beta2, [3] weight_decay. st: [0..1] exp_avg.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  let b1 = hp[1];
  let b2 = hp[2];
  let wd = hp[3];
  let m = vec2f(st[0], st[1]);
  let c = b1 * m + (1.0 - b1) * g;
  let th = theta - lr * (sign(c) + wd * theta);
  let m_new = b2 * m + (1.0 - b2) * g;
  st[0] = m_new.x;
  st[1] = m_new.y;
  return th;
}
