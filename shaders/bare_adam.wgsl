// Benchmark ceiling (scripts/bench): Adam on Rosenbrock and nothing else, `steps` steps in one
// in-kernel loop per run, unrolled like the engine's. No status checks, recording, schedule or clipping: the fastest a
// kernel can do this update, to measure the step kernel's overhead against. Hyperparameters
// are runtime values (uniform), as in the engine.

struct Bare {
  steps: u32,
  runs: u32,
  row_width: u32,
  _pad: u32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  eps: f32,
  a: f32,
  b: f32,
  beta1_t0: f32,      // beta1^t0, beta2^t0 (f32, from the host) after the t0 steps of earlier calls
  beta2_t0: f32,
}

@group(0) @binding(0) var<uniform> P: Bare;
@group(1) @binding(0) var<storage, read_write> theta: array<vec2f>;
@group(1) @binding(1) var<storage, read_write> moments: array<vec4f>; // m.xy, v.xy

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x + gid.y * P.row_width;
  if (i >= P.runs) { return; }
  var th = theta[i];
  var mv = moments[i];
  // The products start from runtime values: with the constant 1.0 as their start, the same
  // loop measured ~15% slower on SwiftShader (docs/benchmarks.md, "Third round").
  var b1t = P.beta1_t0;
  var b2t = P.beta2_t0;
  let end = P.steps;
  var k = 0u;
  // UNROLL 4: unrolled as the engine's fast loop is (src/engine/gpu/kernel.ts, unrollLoops).
  for (; k < end; k++) {
    // ∇ of (a − x)² + b(y − x²)²
    let r = th.y - th.x * th.x;
    let g = vec2f(-2.0 * (P.a - th.x) - 4.0 * P.b * th.x * r, 2.0 * P.b * r);
    b1t = b1t * P.beta1;
    b2t = b2t * P.beta2;
    let m = P.beta1 * mv.xy + (1.0 - P.beta1) * g;
    let v = P.beta2 * mv.zw + (1.0 - P.beta2) * g * g;
    mv = vec4f(m, v);
    th = th - P.lr * (m / (1.0 - b1t)) / (sqrt(v / (1.0 - b2t)) + P.eps);
  }
  // END UNROLL
  theta[i] = th;
  moments[i] = mv;
}
