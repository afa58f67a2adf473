// The step kernel: advances every run of one optimizer group by up to `count` steps in one
// dispatch (a loop in the kernel: one dispatch per step costs ~25 µs on SwiftShader).
// Composed by src/engine/gpu/kernel.ts, in this order:
//   shaders/common.wgsl, the objective (obj_f, obj_grad and the fused obj_fg from the formula
//   compiler, parameters read from private copies of `consts`), shaders/optimizers/clip.wgsl,
//   ONE shaders/optimizers/<id>.wgsl (opt_step over the private arrays st and hp), then this file.
// Per-step semantics mirror src/core/simulate.ts (float32 mode) operation for operation:
//   θ_k is held with f(θ_k), ‖g(θ_k)‖ and g(θ_k); one step k -> k+1 is
//   g' = clip(g, max_grad_norm); lr_t = lr * m[t], t = k + 1 - origin; θ = opt_step(θ, g', t, lr_t);
//   then f, g at the new θ, and the status checks at (local) step t. Diverged runs are frozen:
//   every lane computes the step and a frozen run keeps its old values by selects (a branch
//   around the step would mask every store of the loop; that cost ~20% of the kernel).
//   origin: the global step at which the run last restarted (restartRun), 0 otherwise; the
//   init pass evaluates a (re)started run at its local step 0.
// Two passes over the steps: the bulk of the runs takes a fast pass without status
// bookkeeping that only notes whether a status could change (NaN/±Inf, the bound, convergence);
// the runs where one could are replayed by the exact pass (REPLAY: a second dispatch over the
// list the fast pass wrote, sized on the GPU by shaders/replay_args.wgsl), from the same start.
// Recorded runs always take the exact pass (every step is a sample).
// Structure that is fixed per configuration is specialised by `override` flags (INIT, RECORD,
// REPLAY, CLIP, SCHEDULE, HP_COUNT, STATE_VEC4, STATE_MASK, HP_AT, FINITE): SwiftShader runs
// both sides of every branch under a lane mask, so code that a flag removes costs nothing
// instead of costing every step. The optimizers' branches on hyperparameters are specialised
// the same way (HP_NONZERO, hp_flags.wgsl). Values stay runtime data; the flags only remove
// operations whose result is known (g unclipped, m[t] = 1, a branch on a hyperparameter that
// is 0 for every template, a NaN/±Inf test that cannot fire).
// f and g at the same θ come from obj_fg, one pass over the formula's tape: the subexpressions
// they share are computed once (same f32 operations as obj_f and obj_grad, so the same bits).

// Status codes (src/engine/runStatus.ts).
const kRunning: u32 = 0u;
const kConverged: u32 = 1u;
const kNan: u32 = 2u;
const kInf: u32 = 3u;
const kBound: u32 = 4u;
const kLoss: u32 = 5u;
// LOSS_FLOOR (src/core/simulate/status.ts): a loss below it has run away. A constant, unlike
// the hyperparameters: −1e9 is exact in f32 and fixed, so no folding can change the comparison.
const kLossFloor: f32 = -1e9;
// The exponent field of an f32: all ones for NaN and ±Inf.
const kExpMask: u32 = 0x7f800000u;
// HP_AT's value when the runs of a dispatch use several templates.
const kPerRun: u32 = 0xffffffffu;

// 80 bytes, uniform, one 256-byte slot per dispatch (dynamic offset).
struct StepParams {
  step0: u32,         // steps completed before this dispatch: `runs` holds θ_step0
  count: u32,         // steps to take (init = 1: none, evaluate θ_0)
  total: u32,         // the experiment's step budget; steps never go beyond it
  init: u32,          // 1: the init pass (the INIT override decides; kept for layout and debugging)
  run_count: u32,     // end of this dispatch's thread range (runs of this optimizer group)
  template_count: u32,
  record_count: u32,  // runs [0, record_count) write samples
  ring_cap: u32,      // sample ring capacity in steps: step k goes to slot k % ring_cap
  row_width: u32,     // threads per grid row (2-D grid beyond 65,535 workgroups)
  indexed: u32,       // 1: thread i runs group_runs[i]; 0: thread i runs run i
  hyper_offset: u32,  // consts: [template][16] hyperparameters (hp)
  init_offset: u32,   // consts: [template][16] initial optimizer state (st)
  clip_offset: u32,   // consts: [template] max_grad_norm
  sched_offset: u32,  // consts: [template][total + 1] schedule multipliers m[t]
  grad_tol: f32,
  bound: f32,
  first: u32,         // start of this dispatch's thread range (recorded runs come first)
  runs_total: u32,    // R, the configured run count: the length of one plane of the run buffers
  _pad2: u32,
  _pad3: u32,
}

@group(0) @binding(0) var<uniform> P: StepParams;
// Objective parameters at [0, n), then the tables named in StepParams. Runtime values, never
// WGSL constants: constant folding at another precision would break bit-exact parity.
@group(0) @binding(1) var<storage, read> consts: array<f32>;

// Run data as planes of R = P.runs_total values (structure of arrays): value v of run i is at
// [v·R + i]. Neighbouring threads then touch neighbouring words, which SwiftShader turns into
// one vector load or store per plane (a vec4 per run is a four-lane gather), and which is what
// coalesces on GPUs. The host reads back whole planes (src/engine/gpu/readback.ts).
// Eight storage buffers per stage in all (WebGPU's default limit): consts and these seven.
@group(1) @binding(0) var<storage, read_write> runs: array<f32>;    // planes x, y, f, ‖g‖, gx, gy of θ_k
@group(1) @binding(1) var<storage, read_write> status: array<u32>;  // planes code, step
@group(1) @binding(2) var<storage, read_write> states: array<f32>;  // planes st[0..16)
@group(1) @binding(3) var<storage, read_write> samples: array<vec4f>; // [slot][recorded run]
@group(1) @binding(4) var<storage, read> group_runs: array<u32>;
@group(1) @binding(5) var<storage, read> origins: array<u32>;      // [run] restart step
// The exact pass's work list: threads whose fast pass saw a status event (see main). The fast
// dispatch appends (count, list), shaders/replay_args.wgsl turns the count into the replay
// dispatch's size (n, row_width, and its indirect arguments) and resets it.
struct Replay {
  count: atomic<u32>,
  n: u32,
  row_width: u32,
  _pad: u32,
  list: array<u32>,
}
@group(1) @binding(6) var<storage, read_write> replay: Replay;

var<private> st: array<f32, 16>;
var<private> hp: array<f32, 16>;

override WG: u32 = 64u;
// The init pass (θ_0: load the initial state, evaluate, check) rather than steps.
override INIT: bool = false;
// This dispatch's threads record samples (the recorded runs get their own dispatch).
override RECORD: bool = true;
// Some template of the group clips gradients (max_grad_norm > 0).
override CLIP: bool = true;
// Some template of the group has a schedule multiplier other than 1.
override SCHEDULE: bool = true;
// The exact pass over the replay list (threads whose fast pass saw a status event), rather
// than the fast pass over the dispatch's thread range.
override REPLAY: bool = false;
// f and ∇f are finite, and f ≥ kLossFloor, wherever |x| and |y| are within the bound:
// src/core/expr/range.ts proves it on the host by interval arithmetic over the formula's tape
// (polynomials of moderate degree within the default bound, e.g. Rosenbrock). Inside the bound
// no NaN, ±Inf or runaway loss can then come from f or g, and θ outside it is an event anyway,
// so the fast pass tests none of them per step,
// steps with obj_grad and evaluates f once after the loop (obj_f: the same bits as obj_fg's f).
override FINITE: bool = false;
// Hyperparameters (hp) and vec4s of optimizer state (st) the optimizer uses.
override HP_COUNT: u32 = 16u;
override STATE_VEC4: u32 = 4u;
// State slots loaded and stored (see load_state); the init pass stores every slot it sets.
override STATE_MASK: u32 = 0xffffu;
// Every run of this dispatch uses one template, whose hyperparameters sit at consts[HP_AT]:
// read at constant indices, one load each instead of a per-lane gather (kPerRun: each run
// reads its own template's, at P.hyper_offset + template * 16).
override HP_AT: u32 = kPerRun;

// Status after evaluating θ_k (value f, gradient g, norm gn) at step k, in the simulator's
// order (divergenceCode): NaN, then Inf, of θ and f first and of g after, then the bound,
// then the loss floor, then convergence. Selects instead of early returns: under SIMD masking
// every return path would run anyway, plus the mask bookkeeping. The last select that fires wins.
fn check(s: vec2u, th: vec2f, f: f32, g: vec2f, gn: f32, k: u32, bound: f32, tol: f32) -> vec2u {
  let inf3 = vec3u(0x7f800000u);
  let inf2 = vec2u(0x7f800000u);
  let v = vec3u(bitcast<u32>(th.x), bitcast<u32>(th.y), bitcast<u32>(f)) & vec3u(0x7fffffffu);
  let w = vec2u(bitcast<u32>(g.x), bitcast<u32>(g.y)) & vec2u(0x7fffffffu);
  let out = (abs(th.x) > bound) | (abs(th.y) > bound);
  var r = select(s, vec2u(kConverged, k), (s.x == kRunning) & (gn <= tol));
  r = select(r, vec2u(kLoss, k), f < kLossFloor);
  r = select(r, vec2u(kBound, k), out);
  r = select(r, vec2u(kInf, k), any(w == inf2));
  r = select(r, vec2u(kNan, k), any(w > inf2));
  r = select(r, vec2u(kInf, k), any(v == inf3));
  return select(r, vec2u(kNan, k), any(v > inf3));
}

// Whether check() could change a status at this step, for the fast pass: NaN or ±Inf in f,
// or in g (then ‖g‖ is NaN or ±Inf too; a finite g whose ‖g‖ overflows only costs a replay),
// |x| or |y| beyond the bound, f below the loss floor, or ‖g‖ at or below `tol` (-1 for runs that are no longer
// running, which convergence no longer concerns). θ is tested once after the loop instead:
// it is only ever combined arithmetically, so once NaN or ±Inf it stays so.
fn status_event(th: vec2f, f: f32, gn: f32, bound: f32, tol: f32) -> bool {
  let e = vec2u(kExpMask);
  let nonfinite = any((vec2u(bitcast<u32>(f), bitcast<u32>(gn)) & e) == e);
  return nonfinite | (max(abs(th.x), abs(th.y)) > bound) | (f < kLossFloor) | (gn <= tol);
}

// Private arrays are copied with constant indices only: a loop with a dynamic index makes
// some backends (SwiftShader) emulate per-lane indexing, which cost ~10 steps per run per call.
// Only the slots the optimizer uses are copied (each storage read is a per-lane gather there).
fn load_hp(base: u32) {
  hp[0] = consts[base + 0u]; hp[1] = consts[base + 1u]; hp[2] = consts[base + 2u]; hp[3] = consts[base + 3u];
  if (HP_COUNT > 4u) {
    hp[4] = consts[base + 4u]; hp[5] = consts[base + 5u]; hp[6] = consts[base + 6u]; hp[7] = consts[base + 7u];
  }
  if (HP_COUNT > 8u) {
    hp[8] = consts[base + 8u]; hp[9] = consts[base + 9u]; hp[10] = consts[base + 10u]; hp[11] = consts[base + 11u];
  }
  if (HP_COUNT > 12u) {
    hp[12] = consts[base + 12u]; hp[13] = consts[base + 13u]; hp[14] = consts[base + 14u]; hp[15] = consts[base + 15u];
  }
}

fn load_init(base: u32) {
  st[0] = consts[base + 0u]; st[1] = consts[base + 1u]; st[2] = consts[base + 2u]; st[3] = consts[base + 3u];
  if (STATE_VEC4 > 1u) {
    st[4] = consts[base + 4u]; st[5] = consts[base + 5u]; st[6] = consts[base + 6u]; st[7] = consts[base + 7u];
  }
  if (STATE_VEC4 > 2u) {
    st[8] = consts[base + 8u]; st[9] = consts[base + 9u]; st[10] = consts[base + 10u]; st[11] = consts[base + 11u];
  }
  if (STATE_VEC4 > 3u) {
    st[12] = consts[base + 12u]; st[13] = consts[base + 13u]; st[14] = consts[base + 14u]; st[15] = consts[base + 15u];
  }
}

// The optimizer state slots a dispatch reads and writes: bit k of STATE_MASK is st[k]. A slot
// the optimizer cannot touch with this group's hyperparameters (amsgrad's maximum while
// amsgrad is 0 everywhere) keeps what the init pass stored, as the simulator's state does;
// each load and store is a per-lane gather or scatter on SwiftShader.
fn load_state(run: u32) {
  let R = P.runs_total;
  if ((STATE_MASK & 0x0001u) != 0u) { st[0] = states[run]; }
  if ((STATE_MASK & 0x0002u) != 0u) { st[1] = states[R + run]; }
  if ((STATE_MASK & 0x0004u) != 0u) { st[2] = states[2u * R + run]; }
  if ((STATE_MASK & 0x0008u) != 0u) { st[3] = states[3u * R + run]; }
  if ((STATE_MASK & 0x0010u) != 0u) { st[4] = states[4u * R + run]; }
  if ((STATE_MASK & 0x0020u) != 0u) { st[5] = states[5u * R + run]; }
  if ((STATE_MASK & 0x0040u) != 0u) { st[6] = states[6u * R + run]; }
  if ((STATE_MASK & 0x0080u) != 0u) { st[7] = states[7u * R + run]; }
  if ((STATE_MASK & 0x0100u) != 0u) { st[8] = states[8u * R + run]; }
  if ((STATE_MASK & 0x0200u) != 0u) { st[9] = states[9u * R + run]; }
  if ((STATE_MASK & 0x0400u) != 0u) { st[10] = states[10u * R + run]; }
  if ((STATE_MASK & 0x0800u) != 0u) { st[11] = states[11u * R + run]; }
  if ((STATE_MASK & 0x1000u) != 0u) { st[12] = states[12u * R + run]; }
  if ((STATE_MASK & 0x2000u) != 0u) { st[13] = states[13u * R + run]; }
  if ((STATE_MASK & 0x4000u) != 0u) { st[14] = states[14u * R + run]; }
  if ((STATE_MASK & 0x8000u) != 0u) { st[15] = states[15u * R + run]; }
}

fn store_state(run: u32) {
  let R = P.runs_total;
  if ((STATE_MASK & 0x0001u) != 0u) { states[run] = st[0]; }
  if ((STATE_MASK & 0x0002u) != 0u) { states[R + run] = st[1]; }
  if ((STATE_MASK & 0x0004u) != 0u) { states[2u * R + run] = st[2]; }
  if ((STATE_MASK & 0x0008u) != 0u) { states[3u * R + run] = st[3]; }
  if ((STATE_MASK & 0x0010u) != 0u) { states[4u * R + run] = st[4]; }
  if ((STATE_MASK & 0x0020u) != 0u) { states[5u * R + run] = st[5]; }
  if ((STATE_MASK & 0x0040u) != 0u) { states[6u * R + run] = st[6]; }
  if ((STATE_MASK & 0x0080u) != 0u) { states[7u * R + run] = st[7]; }
  if ((STATE_MASK & 0x0100u) != 0u) { states[8u * R + run] = st[8]; }
  if ((STATE_MASK & 0x0200u) != 0u) { states[9u * R + run] = st[9]; }
  if ((STATE_MASK & 0x0400u) != 0u) { states[10u * R + run] = st[10]; }
  if ((STATE_MASK & 0x0800u) != 0u) { states[11u * R + run] = st[11]; }
  if ((STATE_MASK & 0x1000u) != 0u) { states[12u * R + run] = st[12]; }
  if ((STATE_MASK & 0x2000u) != 0u) { states[13u * R + run] = st[13]; }
  if ((STATE_MASK & 0x4000u) != 0u) { states[14u * R + run] = st[14]; }
  if ((STATE_MASK & 0x8000u) != 0u) { states[15u * R + run] = st[15]; }
}

// The optimizer state as vec4s, and st back to `old` where the run is frozen (alive false);
// constant indices only, and only the vec4s the optimizer uses.
fn state_vec4s() -> array<vec4f, 4> {
  var v: array<vec4f, 4>;
  v[0] = vec4f(st[0], st[1], st[2], st[3]);
  if (STATE_VEC4 > 1u) { v[1] = vec4f(st[4], st[5], st[6], st[7]); }
  if (STATE_VEC4 > 2u) { v[2] = vec4f(st[8], st[9], st[10], st[11]); }
  if (STATE_VEC4 > 3u) { v[3] = vec4f(st[12], st[13], st[14], st[15]); }
  return v;
}

fn keep_state(old: array<vec4f, 4>, alive: bool) {
  let a = select(old[0], vec4f(st[0], st[1], st[2], st[3]), alive);
  st[0] = a.x; st[1] = a.y; st[2] = a.z; st[3] = a.w;
  if (STATE_VEC4 > 1u) {
    let b = select(old[1], vec4f(st[4], st[5], st[6], st[7]), alive);
    st[4] = b.x; st[5] = b.y; st[6] = b.z; st[7] = b.w;
  }
  if (STATE_VEC4 > 2u) {
    let c = select(old[2], vec4f(st[8], st[9], st[10], st[11]), alive);
    st[8] = c.x; st[9] = c.y; st[10] = c.z; st[11] = c.w;
  }
  if (STATE_VEC4 > 3u) {
    let d = select(old[3], vec4f(st[12], st[13], st[14], st[15]), alive);
    st[12] = d.x; st[13] = d.y; st[14] = d.z; st[15] = d.w;
  }
}

fn store_run(run: u32, cur: vec4f, g: vec2f) {
  let R = P.runs_total;
  runs[run] = cur.x; runs[R + run] = cur.y; runs[2u * R + run] = cur.z; runs[3u * R + run] = cur.w;
  runs[4u * R + run] = g.x; runs[5u * R + run] = g.y;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  var tid = P.first + gid.x + gid.y * P.row_width;
  if (REPLAY) {
    let i = gid.x + gid.y * replay.row_width;
    if (i >= replay.n) { return; }
    tid = replay.list[i];
  } else if (tid >= P.run_count) {
    return;
  }
  var run = tid;
  if (P.indexed == 1u) { run = group_runs[tid]; }
  let tmpl = run % P.template_count;
  if (HP_AT != kPerRun) { load_hp(HP_AT); } else { load_hp(P.hyper_offset + tmpl * 16u); }
  load_obj_params();
  let max_norm = consts[P.clip_offset + tmpl];
  let sched = P.sched_offset + tmpl * (P.total + 1u);
  let bound = P.bound;
  let tol = P.grad_tol;

  let R = P.runs_total;
  var cur = vec4f(runs[run], runs[R + run], 0.0, 0.0);
  var g: vec2f;
  var s: vec2u;
  if (INIT) {
    load_init(P.init_offset + tmpl * 16u);
    let th = cur.xy;
    let fg = obj_fg(th);
    let f = fg.x;
    g = fg.yz;
    let gn = sqrt(g.x * g.x + g.y * g.y);
    cur = vec4f(th, f, gn);
    s = check(vec2u(kRunning, 0u), th, f, g, gn, 0u, bound, tol);
    if (RECORD && run < P.record_count) {
      samples[(P.step0 % P.ring_cap) * P.record_count + run] = cur;
    }
  } else if (RECORD || REPLAY) {
    load_state(run);
    cur = vec4f(cur.xy, runs[2u * R + run], runs[3u * R + run]);
    g = vec2f(runs[4u * R + run], runs[5u * R + run]);
    s = vec2u(status[run], status[R + run]);
    let origin = origins[run];
    // Steps step0+1 ..= end; the host never asks beyond the budget, min() keeps it so.
    let end = min(P.step0 + P.count, P.total);
    // The exact pass: the status checks and freezing at every step. Recording dispatches
    // take it (every step is a sample), and the replay dispatch for the runs whose fast pass
    // saw an event, from the dispatch's start (the fast pass stored nothing for them).
    var slot = (P.step0 + 1u) % P.ring_cap;
    for (var k = P.step0; k < end; k++) {
      let t = k + 1u - origin;
      // Every lane steps; a frozen (diverged) run keeps its values by the selects below.
      let alive = s.x < kNan;
      let st_k = state_vec4s();
      var gc = g;
      if (CLIP) { gc = clip_grad(g, max_norm); }
      var lr_t = hp[0];
      if (SCHEDULE) { lr_t = hp[0] * consts[sched + t]; }
      let th = opt_step(cur.xy, gc, f32(t), lr_t);
      let fg = obj_fg(th);
      let f = fg.x;
      let g1 = fg.yz;
      let gn = sqrt(g1.x * g1.x + g1.y * g1.y);
      let s1 = check(s, th, f, g1, gn, t, bound, tol);
      cur = select(cur, vec4f(th, f, gn), alive);
      g = select(g, g1, alive);
      s = select(s, s1, alive);
      keep_state(st_k, alive);
      if (RECORD) {
        if (run < P.record_count) { samples[slot * P.record_count + run] = cur; }
        slot = select(slot + 1u, 0u, slot + 1u == P.ring_cap);
      }
    }
  } else {
    // The fast pass: the same steps without status bookkeeping, noting only whether anything
    // check() would act on happened (NaN or ±Inf, a bound crossed, a running run's ‖g‖ at or
    // below the tolerance). Without such an event its results are the exact pass's, bit for
    // bit (the same operations), and the status is unchanged; with one, the run goes on the
    // replay list and the exact pass redoes these steps. A frozen (diverged) run keeps what
    // the buffers hold. This takes the freezing selects and the status updates out of the
    // bulk's loop, and reads and writes only what the steps need: at a million runs the
    // kernel's loads and stores cost as much as several steps (docs/benchmarks.md, "Third
    // round"). The step itself (clip, lr, opt_step, obj_fg, ‖g‖) is written out in both
    // passes: one shared function measured ~10% slower on SwiftShader.
    // e2e/gpu/engine.spec's divergence test holds both passes to the f32 reference.
    let end = min(P.step0 + P.count, P.total);
    let code = status[run];
    if (code >= kNan || P.step0 >= end) { return; }
    load_state(run);
    g = vec2f(runs[4u * R + run], runs[5u * R + run]);
    let origin = origins[run];
    let tol_fast = select(-1.0, tol, code == kRunning);
    var event = false;
    var k = P.step0;
    // UNROLL 4: src/engine/gpu/kernel.ts writes this loop's body out 4 times per iteration
    // (each copy in a block that shadows k with k + j), then keeps this loop for the rest.
    // SwiftShader runs the loop's own bookkeeping once per 4 steps then: 15–20% faster.
    for (; k < end; k++) {
      let t = k + 1u - origin;
      var gc = g;
      if (CLIP) { gc = clip_grad(g, max_norm); }
      var lr_t = hp[0];
      if (SCHEDULE) { lr_t = hp[0] * consts[sched + t]; }
      let th = opt_step(cur.xy, gc, f32(t), lr_t);
      if (FINITE) {
        // f and ∇f are finite within the bound (proven on the host): only the bound and
        // convergence can change a status here, and f is needed only after the last step.
        g = obj_grad(th);
        let gn = sqrt(g.x * g.x + g.y * g.y);
        cur = vec4f(th, 0.0, gn); // f after the loop
        event = event | (max(abs(th.x), abs(th.y)) > bound) | (gn <= tol_fast);
      } else {
        let fg = obj_fg(th);
        g = fg.yz;
        let gn = sqrt(g.x * g.x + g.y * g.y);
        cur = vec4f(th, fg.x, gn);
        event = event | status_event(th, fg.x, gn, bound, tol_fast);
      }
    }
    // END UNROLL
    if (FINITE) { cur.z = obj_f(cur.xy); }
    event = event | any((vec2u(bitcast<u32>(cur.x), bitcast<u32>(cur.y)) & vec2u(kExpMask)) == vec2u(kExpMask));
    if (event) {
      replay.list[atomicAdd(&replay.count, 1u)] = tid;
      return;
    }
    store_run(run, cur, g);
    store_state(run);
    return;
  }
  store_run(run, cur, g);
  status[run] = s.x; status[R + run] = s.y;
  store_state(run);
}
