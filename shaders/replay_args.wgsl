// Sizes the step kernel's replay dispatch (shaders/step.wgsl: the exact pass for the runs whose
// fast pass saw a status event). One thread, between the fast dispatch and the replay: takes
// the fast pass's count, writes the replay's indirect dispatch arguments (a 2-D grid when one
// dimension cannot hold it) and its size for the kernel, and resets the count for the next
// fast dispatch. A count of 0 dispatches no workgroups.

struct ReplayCtl {
  count: atomic<u32>,
  n: u32,
  row_width: u32,
  _pad: u32,
}

@group(0) @binding(0) var<storage, read_write> replay: ReplayCtl;
@group(0) @binding(1) var<storage, read_write> args: array<u32, 3>;

override WG: u32 = 64u;
override MAX_GROUPS: u32 = 65535u;

@compute @workgroup_size(1)
fn main() {
  let n = atomicLoad(&replay.count);
  atomicStore(&replay.count, 0u);
  let groups = (n + WG - 1u) / WG;
  let x = min(groups, MAX_GROUPS);
  let y = select(1u, (groups + x - 1u) / max(x, 1u), x > 0u);
  replay.n = n;
  replay.row_width = x * WG;
  args[0] = x;
  args[1] = y;
  args[2] = 1u;
}
