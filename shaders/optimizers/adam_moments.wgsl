// The Adam moment update shared by adam.wgsl and adamw.wgsl (as src/core/optimizers/adam.ts
// serves adamw.ts with `adamUpdate`): running products for the bias corrections, m and v,
// the amsgrad max, and the step from `base`. Not an optimizer itself: files that need it say
// `// requires: adam_moments`, and the kernel composer puts it before them.
// requires: hp_flags
// state-when: 4 5 hp 5
// hp: [1] beta1, [2] beta2, [3] eps, [5] amsgrad.
// st: [0..1] exp_avg, [2..3] exp_avg_sq, [4..5] max_exp_avg_sq, [6] beta1^t, [7] beta2^t.
fn adam_moments_step(base: vec2f, g: vec2f, lr: f32) -> vec2f {
  let b1 = hp[1];
  let b2 = hp[2];
  let eps = hp[3];
  st[6] = st[6] * b1;
  st[7] = st[7] * b2;
  let bc1 = 1.0 - st[6];
  let bc2 = 1.0 - st[7];
  let m = b1 * vec2f(st[0], st[1]) + (1.0 - b1) * g;
  let v = b2 * vec2f(st[2], st[3]) + (1.0 - b2) * (g * g);
  st[0] = m.x;
  st[1] = m.y;
  st[2] = v.x;
  st[3] = v.y;
  var v_use = v;
  if (hp_on(5u) && hp[5] != 0.0) {
    v_use = max(vec2f(st[4], st[5]), v);
    st[4] = v_use.x;
    st[5] = v_use.y;
  }
  let mhat = m / bc1;
  let vhat = v_use / bc2;
  return base - (lr * mhat) / (sqrt(vhat) + eps);
}
