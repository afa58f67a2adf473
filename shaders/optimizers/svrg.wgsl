// SVRG, twin of src/core/optimizers/svrg.ts. On a surface (a sum of one term) it is gradient
// descent; the dataset engine runs the real algorithm.
// hp: [0] lr, [1] m (unused here). st: unused.
fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f {
  return theta - lr * g;
}
