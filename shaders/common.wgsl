// Shared WGSL: the seeded PCG hash, twin of src/core/rng.ts (same bits on CPU and GPU).
// Jarzynski & Olano, "Hash Functions for GPU Rendering", JCGT 2020: pcg_hash.
// u32 arithmetic wraps modulo 2^32 in WGSL, like Math.imul / >>> 0 in TS.

fn pcg_hash(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

// pcg_hash(a ^ pcg_hash(b)): order matters, (a, b) and (b, a) differ.
fn hash2(a: u32, b: u32) -> u32 {
  return pcg_hash(a ^ pcg_hash(b));
}

// Top 24 bits as a float in [0, 1); exact in f32 (24-bit integer times 2^-24).
fn uniform01(h: u32) -> f32 {
  return f32(h >> 8u) * 5.9604644775390625e-8;
}

// The index-th uniform of stream `stream` under `seed`, as uniformAt in rng.ts.
fn uniform_at(seed: u32, stream: u32, index: u32) -> f32 {
  return uniform01(hash2(index, hash2(stream, seed)));
}
