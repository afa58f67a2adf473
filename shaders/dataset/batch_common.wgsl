// Shared by the dataset kernels (sample_grad.wgsl, reduce_partials.wgsl): the per-run batch
// table, the per-pass parameters, and the workgroup tree of src/core/finiteSum/treeSum.ts.
// Composed by src/engine/gpu/dataset/kernels.ts: this file first, then one kernel.

// The in-workgroup tree's width: REDUCE_WORKGROUP (256) in src/core/finiteSum/treeSum.ts.
// The host always passes that value; an override (not a const) per the house rule.
override WG: u32 = 256u;

// 32 bytes, uniform, one 256-byte slot per pass (dynamic offset). Written per evaluate().
struct BatchParams {
  level: u32,        // reduce passes: how many times the runs' counts were cut by WG (1, 2, ...)
  runs: u32,         // R: runs of this evaluate(), grid y
  stride_in: u32,    // reduce passes: partials per run in part_in
  stride_out: u32,   // partials per run this pass writes (the sample pass: blocks of the largest batch)
  samples: u32,      // n, the dataset's sample count (the sample pass's index bound)
  final_pass: u32,   // 1: write means (sum * inv_count) to `results` instead of partials
  _pad0: u32,
  _pad1: u32,
}

// 32 bytes per run, storage: θ and its batch.
struct RunBatch {
  theta: vec2f,      // (x, y) of the formula: the model's two parameters
  count: u32,        // batch size, ≥ 1
  index_offset: u32, // first of this batch's sample indices in `indices`
  inv_count: f32,    // f32(1 / count), rounded on the host from float64 (never a WGSL const)
  indexed: u32,      // 1: slot j reads sample indices[index_offset + j]; 0: sample j
  _pad0: u32,
  _pad1: u32,
}

@group(0) @binding(0) var<uniform> P: BatchParams;
@group(0) @binding(1) var<storage, read> batches: array<RunBatch>;

// One lane per value; vec4f: (ℓ, gx, gy, 0) reduced together, each component by itself.
var<workgroup> sh: array<vec4f, WG>;

// treeSum's block step over sh[0..256): for s = 128, 64, ..., 1, a[i] = a[i] + a[i + s] for
// i < s; the block's sum ends in sh[0] (for lane 0, which wrote it: no barrier after). The same
// additions in the same order as the textbook loop with a barrier per s, in two phases with
// two barriers: lane i < 16 holds a[i + 16m] (m < 16) in registers, and steps s = 128..16 only
// ever add a[i + 16m] and a[i + 16(m + h)], h = s / 16, both its own; then lane 0 does
// s = 8..1 on the 16 results. SwiftShader switches coroutines at every barrier: with nine
// barriers, 1,000,000 samples × 2 runs took 4.5 s there, with two 3.3 s (one measurement each,
// e2e/gpu/dataset.spec.ts on a shared 2-core machine); without any tree, ~2.3 s per million
// samples, so the rest is the per-invocation cost, not the reduction.
// The split is for 256 lanes: kernels.ts refuses any other REDUCE_WORKGROUP. Every lane
// reaches both barriers (uniform control flow); only the additions are under lane tests.
fn tree16(base: u32, stride: u32) -> vec4f {
  var v: array<vec4f, 16>;
  for (var m = 0u; m < 16u; m = m + 1u) {
    v[m] = sh[base + stride * m];
  }
  for (var h = 8u; h > 0u; h = h >> 1u) {
    for (var m = 0u; m < h; m = m + 1u) {
      v[m] = v[m] + v[m + h];
    }
  }
  return v[0];
}

fn tree_reduce(lid: u32) {
  workgroupBarrier();
  if (lid < 16u) {
    // Lane i writes only sh[i], which no other lane of this phase reads (they read other residues mod 16).
    sh[lid] = tree16(lid, 16u);
  }
  workgroupBarrier();
  if (lid == 0u) {
    sh[0] = tree16(0u, 1u);
  }
}
