// A reduce pass: sums each run's partials of the previous pass in treeSum's order, WG at a
// time (grid x: blocks of partials, grid y: runs), level after level, until one value per run
// and component is left; the last pass writes the mean, sum * inv_count, to `results`.
// Composed by src/engine/gpu/dataset/kernels.ts: batch_common.wgsl, then this file.

// [run][j] partials of the previous pass, P.stride_in per run.
@group(1) @binding(0) var<storage, read> part_in: array<vec4f>;
// [run][block] partials of this pass, P.stride_out per run (unused by the final pass).
@group(1) @binding(1) var<storage, read_write> part_out: array<vec4f>;
// [run] (mean ℓ, mean gx, mean gy): 3 f32 per run, all the host reads back.
@group(1) @binding(2) var<storage, read_write> results: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let run = wid.y;
  let block = wid.x;
  let live = run < P.runs;
  let b = batches[min(run, P.runs - 1u)];
  // This run's partials at this pass's input: its count cut by WG, P.level times. Runs with
  // smaller batches have fewer; the rest of their row is padding, read as zeros.
  var c = b.count;
  for (var k = 0u; k < P.level; k = k + 1u) {
    c = (c + WG - 1u) / WG;
  }
  let j = block * WG + lid;
  let base = run * P.stride_in;
  var v = vec4f(0.0, 0.0, 0.0, 0.0);
  if (live && j < c && j < P.stride_in) {
    v = part_in[base + j];
  }
  sh[lid] = v;
  tree_reduce(lid);
  if (lid == 0u && live && block < P.stride_out) {
    var total = sh[0];
    // A run whose sum is already one value takes no further level (treeSum returns its last
    // partial as it is): passing it through keeps a −0 sum −0, where adding zeros gives +0.
    if (c == 1u && block == 0u) {
      total = part_in[base];
    }
    if (P.final_pass != 0u) {
      let mean = total.xyz * b.inv_count;
      results[3u * run] = mean.x;
      results[3u * run + 1u] = mean.y;
      results[3u * run + 2u] = mean.z;
    } else {
      part_out[run * P.stride_out + block] = total;
    }
  }
}
