/**
 * Compiles one template (formula tape + optimizer configuration + clip) into a WebAssembly
 * SIMD kernel: `run(base, n, take, t0)` advances lanes [0, n) of the block at byte address
 * `base` (./layout) by `take` steps, 4 runs per v128, GROUPS v128s per loop iteration. The
 * module also has ./copyKernel's functions that move runs into and out of a block. A group's
 * x, y, f, g, ‖g‖ and state stay in locals across all its steps (the loop over steps is
 * inside, as in the GPU kernel). Each step is exactly the JS float32 path's step
 * (population.ts, header of src/core/simulate.ts):
 *
 *   1. clip (when max_grad_norm > 0) and the optimizer's update at θ_k, with t = t0 + s and
 *      lr = lrTable[s] (r(lr · m[t]), computed on the JS side);
 *   2. the formula tape at θ_{k+1}: f, gx, gy;
 *   3. gn = r(√r(r(gx²) + r(gy²))), then the status (core/simulate/status.ts divergenceCode):
 *      NaN, then ±Inf, in (x, y, f) first and in (gx, gy) after, then |x| or |y| > bound, then
 *      f < LOSS_FLOOR; else CONVERGED when the code is RUNNING and gn ≤ gradTol. The status
 *      step is the local step t.
 *
 * A lane that diverges is frozen at θ_{k+1}: its values are written to memory in that step (a
 * rare branch; the memory holds each lane's last frozen or loaded values) and it keeps
 * computing throwaway values, so the common path has no per-field selects and no extra
 * loop-carried locals; at the end only the still stepping lanes are stored. Lanes whose code is
 * diverged on entry (padding) stay as loaded. When every lane of the iteration is frozen the
 * steps stop early.
 */
import type { Tape } from '../../../core/expr/tape';
import type { PreparedRun } from '../../../core/simulate/prepare';
import { DIVERGED_BOUND, DIVERGED_INF, DIVERGED_LOSS, DIVERGED_NAN, LOSS_FLOOR } from '../../../core/simulate/status';
import { copyFunctions } from './copyKernel';
import { Code, encodeModule, Op, Simd, VOID } from './emit';
import { FIELDS, POOL_SLOTS, type Field, type KernelLayout } from './layout';
import type { OptimizerPlan } from './optimizerKernels';
import { tapeEmitter } from './tapeKernel';
import { Consts, F32_ABS_MASK, F32_INF_BITS, Locals, VecBuilder, type V } from './vector';

/**
 * v128 groups (of 4 lanes) stepped together per iteration, their instructions interleaved, so
 * independent dependency chains overlap. Measured in a Chrome worker (Adam on Rosenbrock,
 * 32K runs): 1 group ~75 M steps/s, 2 ~105, 3–8 ~110–120. Modules of more than one group are
 * over Chrome's 4 KB main-thread limit; the stepper then falls back to one group there.
 */
export const GROUPS = 4;

/** A kernel's module bytes and how to fill its pool. */
export interface KernelCode {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Lanes per iteration (4 · groups): n must be a multiple. */
  readonly lanesPerIteration: number;
  /** The state slots the kernel reads and writes. */
  readonly slots: readonly number[];
  readonly consts: Consts<PreparedRun>;
}

/** What a kernel is built from. */
export interface KernelSource {
  readonly tape: Tape;
  /** The objective's params (rounded by the population). */
  readonly params: ArrayLike<number>;
  readonly plan: OptimizerPlan;
  /** Clip by global norm (max_grad_norm > 0; the max norm itself comes from the pool). */
  readonly clip: boolean;
  /** Rounded bound and gradTol. */
  readonly bound: number;
  readonly gradTol: number;
  readonly layout: KernelLayout;
  readonly groups?: number;
}

/** Loop-carried locals of one group. */
interface GroupLocals {
  readonly cur: Record<Field, V>;
  readonly state: V[];
  readonly alive: V;
  readonly newlyDead: V;
  readonly maxAbs: V;
}

/**
 * The cache key of a source's module: everything its bytes depend on (values that come through
 * the pool, such as hyperparameters, formula constants, params, bound and gradTol, do not).
 */
export function kernelKey(src: KernelSource): string {
  const t = src.tape;
  const tape = [t.ops, t.a, t.b, t.c, t.d].map((a) => Array.from(a).join(',')).join('/');
  return `${src.plan.key}|clip${+src.clip}|g${src.groups ?? GROUPS}|${t.computeStart}|${t.out.join(',')}|${tape}|L${src.layout.lanes},${src.layout.maxSlots}`;
}

/** Generates the kernel module for `src` (pure: no compilation). */
export function buildKernel(src: KernelSource): KernelCode {
  const G = src.groups ?? GROUPS;
  const L = src.layout;
  // Parameters base (a block's address), n, take, t0; then scalar locals.
  const locals = new Locals(4);
  const [BASE, N, TAKE, T0] = [0, 1, 2, 3];
  const p = locals.i32();
  const s = locals.i32();
  const t = locals.i32();
  const end = locals.i32();
  const consts = new Consts<PreparedRun>(locals, L.poolAt);
  const scratch = locals.v128();
  const bound = consts.fromPool(() => src.bound);
  const gradTol = consts.fromPool(() => src.gradTol);
  const maxNorm = src.clip ? consts.fromPool((run) => run.maxNorm) : -1;
  // r(1e-6): the WGSL literal is an f32 constant (core/optimizers/clip.ts).
  const clipEps = src.clip ? consts.fromPool(() => Math.fround(1e-6)) : -1;
  const tape = tapeEmitter(src.tape, src.params, consts);
  const update = src.plan.build(consts);
  const slots = src.plan.slots;
  const iConst = (v: number): V => consts.splatBits(v);
  const absMask = iConst(F32_ABS_MASK);
  // LOSS_FLOOR is exact in float32 and fixed, so it is a code constant, not a pool value.
  const lossFloor = iConst(new Uint32Array(new Float32Array([LOSS_FLOOR]).buffer)[0]);

  // Per-step values shared by the groups.
  const lr = locals.v128();
  const tVec = locals.v128();
  const notFirst = locals.v128();

  const groups: GroupLocals[] = [];
  for (let u = 0; u < G; u++) {
    const rec = (): Record<Field, V> => Object.fromEntries(FIELDS.map((f) => [f, locals.v128()])) as Record<Field, V>;
    const state: V[] = [];
    for (const k of slots) state[k] = locals.v128();
    groups.push({ cur: rec(), state, alive: locals.v128(), newlyDead: locals.v128(), maxAbs: locals.v128() });
  }

  // The step body of each group, as fragments (interleaved below).
  const bodies = groups.map((g) => {
    const b = new VecBuilder<PreparedRun>(locals, consts, scratch);
    const c = g.cur;
    let gx = c.gx;
    let gy = c.gy;
    if (src.clip) {
      // clipGradNorm: coef = r(maxNorm / r(norm + r(1e-6))); scale when coef < 1. Its norm
      // r(√r(r(gx²) + r(gy²))) is the gn of the previous step (the same ops on the same g).
      const coef = b.div(maxNorm, b.add(c.gn, clipEps));
      const shrink = b.raw(Simd.f32x4Lt, [coef, iConst(0x3f800000)]);
      gx = b.select(shrink, b.mul(c.gx, coef), c.gx);
      gy = b.select(shrink, b.mul(c.gy, coef), c.gy);
    }
    update(b, { x: c.x, y: c.y, gx, gy, state: g.state, lr, notFirst });
    const out = tape.emit(b, c.x, c.y);
    b.copy(out.f, c.f);
    b.copy(out.gx, c.gx);
    b.copy(out.gy, c.gy);
    b.sqrt(b.add(b.mul(c.gx, c.gx), b.mul(c.gy, c.gy)), c.gn);
    // Status. |v| as bits: the largest of x, y, f, gx, gy tells NaN (> Inf bits) and Inf.
    const abs = (['x', 'y', 'f', 'gx', 'gy'] as const).map((f) => b.raw(Simd.and, [c[f], absMask]));
    let mx = abs[0];
    for (let i = 1; i < abs.length; i++) mx = b.raw(Simd.i32x4MaxS, [mx, abs[i]], i === abs.length - 1 ? g.maxAbs : undefined);
    const nonFinite = b.raw(Simd.i32x4GtS, [g.maxAbs, iConst(F32_INF_BITS - 1)]);
    const outside = b.raw(Simd.or, [b.raw(Simd.f32x4Gt, [abs[0], bound]), b.raw(Simd.f32x4Gt, [abs[1], bound])]);
    const fell = b.raw(Simd.f32x4Lt, [c.f, lossFloor]);
    b.raw(Simd.and, [b.raw(Simd.or, [b.raw(Simd.or, [nonFinite, outside]), fell]), g.alive], g.newlyDead);
    // Converged: code RUNNING (diverged lanes have codes ≥ 2) and gn ≤ gradTol. A lane that
    // also diverges in this step is overwritten by the rare branch with the same step.
    const conv = b.raw(Simd.and, [b.raw(Simd.f32x4Le, [c.gn, gradTol]), b.raw(Simd.i32x4Eq, [c.code, iConst(0)])]);
    b.raw(Simd.or, [c.code, b.raw(Simd.and, [conv, iConst(1)])], c.code);
    b.select(conv, tVec, c.step, c.step);
    return b.frags;
  });

  /** Pushes 1 when some lane of the iteration is still stepping. */
  const anyAlive = (c: Code): void => {
    c.get(groups[0].alive);
    for (let u = 1; u < G; u++) c.get(groups[u].alive).simd(Simd.or);
    c.simd(Simd.anyTrue);
  };

  /** Stores `value` into the lanes of group u's field at `field` where `mask` is set. */
  const storeMasked = (c: Code, u: number, field: number, value: V, mask: V): void => {
    c.get(p).get(value).get(p).simdMem(Simd.load, 4, field + 16 * u).get(mask).simd(Simd.bitselect).simdMem(Simd.store, 4, field + 16 * u);
  };
  /** Group u's fields other than code and step, with their memory offsets. */
  const frozenFields = (g: GroupLocals): [number, V][] => [
    ...FIELDS.filter((f) => f !== 'code' && f !== 'step').map((f): [number, V] => [L.fieldAt(f), g.cur[f]]),
    ...slots.map((k): [number, V] => [L.stateAt(k), g.state[k]]),
  ];

  // Rare branch per group: lanes that diverged in this step get their code and are frozen.
  const freeze = (g: GroupLocals, u: number): Code => {
    const b = new VecBuilder<PreparedRun>(locals, consts, scratch);
    // The reason, in divergenceCode's order: NaN/±Inf of θ and f (their largest |bits|) before
    // those of the gradient (maxAbs covers all five), then the bound, then the loss floor.
    const cur = g.cur;
    const [ax, ay, af] = [cur.x, cur.y, cur.f].map((v) => b.raw(Simd.and, [v, absMask]));
    const value = b.raw(Simd.i32x4MaxS, [b.raw(Simd.i32x4MaxS, [ax, ay]), af]);
    const outside = b.raw(Simd.or, [b.raw(Simd.f32x4Gt, [ax, bound]), b.raw(Simd.f32x4Gt, [ay, bound])]);
    const gradCode = b.select(
      b.raw(Simd.i32x4GtS, [g.maxAbs, iConst(F32_INF_BITS)]),
      iConst(DIVERGED_NAN),
      b.select(
        b.raw(Simd.i32x4Eq, [g.maxAbs, iConst(F32_INF_BITS)]),
        iConst(DIVERGED_INF),
        b.select(outside, iConst(DIVERGED_BOUND), iConst(DIVERGED_LOSS)),
      ),
    );
    const code = b.select(
      b.raw(Simd.i32x4GtS, [value, iConst(F32_INF_BITS)]),
      iConst(DIVERGED_NAN),
      b.select(b.raw(Simd.i32x4Eq, [value, iConst(F32_INF_BITS)]), iConst(DIVERGED_INF), gradCode),
    );
    b.select(g.newlyDead, code, g.cur.code, g.cur.code);
    b.select(g.newlyDead, tVec, g.cur.step, g.cur.step);
    b.raw(Simd.andnot, [g.alive, g.newlyDead], g.alive);
    const c = new Code();
    c.get(g.newlyDead).simd(Simd.anyTrue).op(Op.if, VOID);
    for (const f of b.frags) c.append(f);
    for (const [at, v] of frozenFields(g)) storeMasked(c, u, at, v, g.newlyDead);
    // Every lane frozen: leave the steps loop (if → loop → block).
    anyAlive(c);
    c.op(Op.i32Eqz, Op.brIf, 2, Op.end);
    return c;
  };

  const main = new Code();
  main.get(BASE).get(N).i32(2).op(Op.i32Shl, Op.i32Add).set(end);
  main.get(BASE).set(p);
  main.op(Op.block, VOID, Op.loop, VOID);
  main.get(p).get(end).op(Op.i32GeU, Op.brIf, 1);
  groups.forEach((g, u) => {
    const addr = (field: number): void => void main.get(p).simdMem(Simd.load, 4, field + 16 * u);
    for (const f of FIELDS) {
      addr(L.fieldAt(f));
      main.set(g.cur[f]);
    }
    for (const k of slots) {
      addr(L.stateAt(k));
      main.set(g.state[k]);
    }
    main.get(g.cur.code).get(iConst(DIVERGED_NAN)).simd(Simd.i32x4LtS).set(g.alive);
  });
  main.op(Op.block, VOID);
  anyAlive(main);
  main.op(Op.i32Eqz, Op.brIf, 0);
  main.i32(0).set(s);
  main.op(Op.loop, VOID);
  main.get(s).get(TAKE).op(Op.i32GeS, Op.brIf, 1);
  main.get(T0).get(s).op(Op.i32Add).set(t);
  main.get(s).i32(2).op(Op.i32Shl).simdMem(Simd.load32Splat, 2, L.lrAt).set(lr);
  main.get(t).simd(Simd.i32x4Splat).set(tVec);
  main.get(tVec).get(iConst(1)).simd(Simd.i32x4GtS).set(notFirst);
  const longest = Math.max(...bodies.map((f) => f.length));
  for (let i = 0; i < longest; i++) for (const frags of bodies) if (i < frags.length) main.append(frags[i]);
  groups.forEach((g, u) => main.append(freeze(g, u)));
  main.get(s).i32(1).op(Op.i32Add).set(s);
  main.op(Op.br, 0, Op.end, Op.end);
  groups.forEach((g, u) => {
    for (const f of ['code', 'step'] as const) main.get(p).get(g.cur[f]).simdMem(Simd.store, 4, L.fieldAt(f) + 16 * u);
    for (const [at, v] of frozenFields(g)) storeMasked(main, u, at, v, g.alive);
  });
  main.get(p).i32(16 * G).op(Op.i32Add).set(p);
  main.op(Op.br, 0, Op.end, Op.end);

  if (consts.pool.length > POOL_SLOTS) throw new Error(`buildKernel: ${consts.pool.length} pool values exceed ${POOL_SLOTS}`);
  const body = new Code().append(consts.entry).append(main);
  // The memory's size depends on the population (its block count), not the module's code.
  const bytes = encodeModule(1, [{ name: 'run', params: 4, locals: locals.declarations(), body }, ...copyFunctions(L, slots)]);
  return { bytes, lanesPerIteration: 4 * G, slots, consts };
}
