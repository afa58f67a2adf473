/**
 * Building blocks of a generated kernel body: a local allocator, the constants every step reads
 * (loaded once at function entry), and a builder of f32x4 operations for one group of 4 lanes.
 *
 * Every value lives in a local (V8 turns locals into SSA values, so this costs nothing) and each
 * operation is one self-contained instruction fragment: local.get operands, the op, local.set.
 * A kernel steps several independent groups per loop iteration and interleaves their fragments
 * one by one, so the CPU overlaps the groups' long dependency chains (each step depends on the
 * previous one; one group alone leaves the vector units waiting on latencies).
 *
 * Float semantics are those of the JS float32 path (roundF32FtzFast after every rounding op):
 * IEEE f32 add/sub/mul/div/sqrt give the same bits as rounding the float64 result once (float64
 * has more than 2·24 + 2 significand bits), then a subnormal result is flushed to a zero of its
 * sign. Wasm keeps subnormals (no hardware FTZ), so the flush is explicit.
 */
import { Code, I32, Simd, V128, type ValType } from './emit';

/** A local index holding a v128 (or, for the few scalar locals, an i32). */
export type V = number;

/** f32 bit patterns. */
export const F32_ABS_MASK = 0x7fffffff;
export const F32_MIN_NORMAL_BITS = 0x00800000;
export const F32_INF_BITS = 0x7f800000;

/** Allocates locals after the parameters and reports their declarations in index order. */
export class Locals {
  private readonly types: ValType[] = [];
  constructor(private readonly params: number) {}

  v128(): V {
    return this.add(V128);
  }
  i32(): V {
    return this.add(I32);
  }
  private add(t: ValType): V {
    this.types.push(t);
    return this.params + this.types.length - 1;
  }
  /** [count, type] runs for the function's local declarations. */
  declarations(): [number, ValType][] {
    const runs: [number, ValType][] = [];
    for (const t of this.types) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    return runs;
  }
}

/**
 * Values every step reads: bit-pattern constants (v128.const) and runtime values from the
 * kernel's pool in memory (one f32 per slot, splat into all lanes). Hyperparameters, formula
 * constants and params come through the pool, not as code constants, so a retune needs no
 * recompilation and the module depends only on the template's structure.
 */
export class Consts<C> {
  /** The function entry's instructions that fill the constant locals. */
  readonly entry = new Code();
  private readonly bits = new Map<number, V>();
  /** How to compute each pool slot's value from the caller's context, by slot. */
  readonly pool: ((ctx: C) => number)[] = [];

  constructor(
    private readonly locals: Locals,
    /** Byte address of pool slot 0 in memory. */
    private readonly poolAt: number,
  ) {}

  /** A v128 with the same i32 bit pattern in all four lanes. */
  splatBits(pattern: number): V {
    const key = pattern | 0;
    let l = this.bits.get(key);
    if (l === undefined) {
      l = this.locals.v128();
      this.entry.v128i32([key, key, key, key]).set(l);
      this.bits.set(key, l);
    }
    return l;
  }

  /**
   * A v128 holding a runtime value in all four lanes, read from the next pool slot at entry;
   * `value` computes it (an f32 value) from the context before each call.
   */
  fromPool(value: (ctx: C) => number): V {
    const slot = this.pool.length;
    const l = this.locals.v128();
    this.entry.i32(0).simdMem(Simd.load32Splat, 2, this.poolAt + 4 * slot).set(l);
    this.pool.push(value);
    return l;
  }

  /** Writes every pool value for `ctx` into `pool` (a Float32Array view at the pool). */
  fillPool(pool: Float32Array, ctx: C): void {
    for (let s = 0; s < this.pool.length; s++) pool[s] = this.pool[s](ctx);
  }
}

/**
 * f32x4 operations of one group of 4 lanes, recorded as fragments. add, sub, mul and div flush
 * subnormal results (sqrt cannot produce one, see sqrt); neg/abs/min/max/select do not round
 * (as run32).
 */
export class VecBuilder<C> {
  readonly frags: Code[] = [];
  private readonly abs: V;
  private readonly minNormal: V;

  constructor(
    private readonly locals: Locals,
    readonly consts: Consts<C>,
    /** One scratch local shared by every flush (each fragment uses it only internally). */
    private readonly scratch: V,
  ) {
    this.abs = consts.splatBits(F32_ABS_MASK);
    this.minNormal = consts.splatBits(F32_MIN_NORMAL_BITS);
  }

  private out(dst: V | undefined): V {
    return dst ?? this.locals.v128();
  }

  /** A fresh (or the given) local set by `op` applied to the operands, unrounded. */
  raw(op: number, args: readonly V[], dst?: V): V {
    const d = this.out(dst);
    const c = new Code();
    for (const a of args) c.get(a);
    this.frags.push(c.simd(op).set(d));
    return d;
  }

  /**
   * `op` then the FTZ flush: v ^ (|v|bits & (|v|bits <s MIN_NORMAL bits ? ~0 : 0)), which keeps
   * v's sign bit for subnormals and zeros (a zero of v's sign, as roundF32FtzFast's f·0) and
   * leaves normals, ±Inf and NaN (whose |bits| exceed the threshold) unchanged.
   */
  rounded(op: number, args: readonly V[], dst?: V): V {
    const d = this.out(dst);
    const t = this.scratch;
    const c = new Code();
    for (const a of args) c.get(a);
    c.simd(op).tee(t);
    c.get(t).get(this.abs).simd(Simd.and).tee(t);
    c.get(this.minNormal).simd(Simd.i32x4LtS).get(t).simd(Simd.and).simd(Simd.xor).set(d);
    this.frags.push(c);
    return d;
  }

  add(a: V, b: V, dst?: V): V {
    return this.rounded(Simd.f32x4Add, [a, b], dst);
  }
  sub(a: V, b: V, dst?: V): V {
    return this.rounded(Simd.f32x4Sub, [a, b], dst);
  }
  mul(a: V, b: V, dst?: V): V {
    return this.rounded(Simd.f32x4Mul, [a, b], dst);
  }
  div(a: V, b: V, dst?: V): V {
    return this.rounded(Simd.f32x4Div, [a, b], dst);
  }
  /**
   * √ needs no flush: every value a kernel handles is a flushed float32 (inputs, the pool and
   * every rounding op's result; neg/abs/min/max/select return such values), and the square
   * root of 0, of a normal float (≥ 2^-126, so the root is ≥ 2^-63), of +Inf or of a negative
   * or NaN input is never subnormal. IEEE f32 sqrt is correctly rounded, as r(Math.sqrt(v)).
   */
  sqrt(a: V, dst?: V): V {
    return this.raw(Simd.f32x4Sqrt, [a], dst);
  }
  neg(a: V, dst?: V): V {
    return this.raw(Simd.f32x4Neg, [a], dst);
  }
  fabs(a: V, dst?: V): V {
    return this.raw(Simd.f32x4Abs, [a], dst);
  }
  /** f32x4.min/max: NaN-propagating, −0 < +0, as Math.min/max. */
  min(a: V, b: V, dst?: V): V {
    return this.raw(Simd.f32x4Min, [a, b], dst);
  }
  max(a: V, b: V, dst?: V): V {
    return this.raw(Simd.f32x4Max, [a, b], dst);
  }
  /** Lanes of `a` where `mask` is all ones, else of `b`. */
  select(mask: V, a: V, b: V, dst?: V): V {
    const d = this.out(dst);
    this.frags.push(new Code().get(a).get(b).get(mask).simd(Simd.bitselect).set(d));
    return d;
  }
  /** Copies `src` into `dst` (a loop-carried local). */
  copy(src: V, dst: V): V {
    if (src !== dst) this.frags.push(new Code().get(src).set(dst));
    return dst;
  }
}
