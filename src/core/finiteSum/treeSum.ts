/**
 * The fixed summation order of every sum over samples (a mini-batch gradient, a full-batch
 * loss), on the CPU and in WGSL alike (DESIGN.md: "Reductions use a fixed tree order that the
 * CPU emulates, so they agree").
 *
 * Order: the n values are cut into blocks of REDUCE_WORKGROUP (256) consecutive values, the last
 * block padded with zeros. Each block is summed as a workgroup does in shared memory: for
 * s = 128, 64, …, 1, a[i] = a[i] + a[i + s] for every i < s; a[0] is the block's partial. The
 * partials (one per block, in block order) are summed the same way, level after level, until
 * one value is left. Every addition goes through `r` (identity in float64, f32 rounding on the
 * GPU's arithmetic), so the float32 mode equals the GPU bit for bit. Adding a padding zero is
 * exact, so the padding changes no value (except −0 + 0 = +0).
 */

/** Values summed per workgroup; the WGSL kernel's @workgroup_size must equal it. */
export const REDUCE_WORKGROUP = 256;

/**
 * Sums `values[0..n)` in the fixed tree order. `scratch` (length ≥ REDUCE_WORKGROUP, optional)
 * avoids an allocation per call. n = 0 gives 0.
 */
export function treeSum(
  values: ArrayLike<number>,
  n: number = values.length,
  r: (v: number) => number = (v) => v,
  scratch: Float64Array = new Float64Array(REDUCE_WORKGROUP),
): number {
  if (n <= 0) return 0;
  const W = REDUCE_WORKGROUP;
  let level: ArrayLike<number> = values;
  let count = n;
  for (;;) {
    const blocks = Math.ceil(count / W);
    const partials = new Float64Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const base = b * W;
      for (let i = 0; i < W; i++) scratch[i] = base + i < count ? level[base + i] : 0;
      for (let s = W >> 1; s >= 1; s >>= 1) for (let i = 0; i < s; i++) scratch[i] = r(scratch[i] + scratch[i + s]);
      partials[b] = scratch[0];
    }
    if (blocks === 1) return partials[0];
    level = partials;
    count = blocks;
  }
}
