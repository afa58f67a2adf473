// The sample pass: per run (grid y) and per block of WG batch slots (grid x), each lane
// evaluates the per-sample loss and its gradient, [ℓ, gx, gy], at its slot's sample, and the
// workgroup sums them in treeSum's block order into one partial per (run, block).
// Composed by src/engine/gpu/dataset/kernels.ts, in this order: batch_common.wgsl, the data
// column bindings (@group(1) @binding(2 + i) var<storage, read> col{i}: array<f32>), the
// module-scope `var<private> sampleIndex: u32`, the loss's WGSL (loss_fg reads col{i}[sampleIndex]
// for its parameters), then this file.

// Sample indices of the mini-batches, all runs' lists one after another (RunBatch.index_offset).
@group(1) @binding(0) var<storage, read> indices: array<u32>;
// [run][block] partial sums (ℓ, gx, gy, 0), P.stride_out per run.
@group(1) @binding(1) var<storage, read_write> partials: array<vec4f>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let run = wid.y;
  let block = wid.x;
  let live = run < P.runs;
  let b = batches[min(run, P.runs - 1u)];
  let j = block * WG + lid;
  // Slots past the batch are padding zeros, as in treeSum (adding +0 is exact).
  var v = vec4f(0.0, 0.0, 0.0, 0.0);
  if (live && j < b.count) {
    var idx = j;
    var in_list = true;
    if (b.indexed != 0u) {
      let at = b.index_offset + j;
      in_list = at < arrayLength(&indices);
      idx = indices[min(at, arrayLength(&indices) - 1u)];
    }
    // The host validates indices; the bound stops a bad one from reading past the columns.
    if (in_list && idx < P.samples) {
      sampleIndex = idx;
      v = vec4f(loss_fg(b.theta), 0.0);
    }
  }
  sh[lid] = v;
  tree_reduce(lid);
  if (lid == 0u && live && block < P.stride_out) {
    partials[run * P.stride_out + block] = sh[0];
  }
}
