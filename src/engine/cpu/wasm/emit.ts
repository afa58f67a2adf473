/**
 * A tiny WebAssembly binary emitter: just what the CPU engine's generated kernels need (one
 * imported memory, exported functions with i32 parameters, i32/v128 locals, structured control
 * flow, scalar i32 ops and loads/stores, f64↔f32 conversion, v128 loads/stores and the
 * f32x4/i32x4/v128 SIMD ops). Our own code so
 * the kernels are generated at runtime from our IR without a toolchain, eval or new Function.
 *
 * Encodings follow the WebAssembly core spec (binary format) and the SIMD proposal's
 * BinarySIMD.md: SIMD instructions are 0xFD followed by the opcode as an unsigned LEB128.
 */

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof V128;

/** Scalar (single-byte) opcodes. */
export const Op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, f32Load: 0x2a, f64Load: 0x2b, i32Load8U: 0x2d,
  i32Store: 0x36, f32Store: 0x38, f64Store: 0x39, i32Store8: 0x3a, i32Const: 0x41,
  i32Eqz: 0x45, i32LtS: 0x48, i32GtS: 0x4a, i32GeS: 0x4e, i32GeU: 0x4f,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32Shl: 0x74,
  f32DemoteF64: 0xb6, f64PromoteF32: 0xbb,
} as const;

/** Block type "no result" for block/loop/if. */
export const VOID = 0x40;

/** SIMD opcodes (after the 0xFD prefix). */
export const Simd = {
  load: 0x00, load32Splat: 0x09, store: 0x0b, const: 0x0c,
  i32x4Splat: 0x11, f32x4Splat: 0x13,
  i32x4Eq: 0x37, i32x4Ne: 0x38, i32x4LtS: 0x39, i32x4GtS: 0x3b,
  f32x4Eq: 0x41, f32x4Ne: 0x42, f32x4Lt: 0x43, f32x4Gt: 0x44, f32x4Le: 0x45, f32x4Ge: 0x46,
  not: 0x4d, and: 0x4e, andnot: 0x4f, or: 0x50, xor: 0x51, bitselect: 0x52, anyTrue: 0x53,
  i32x4AllTrue: 0xa3, i32x4Add: 0xae, i32x4MaxS: 0xb8,
  f32x4Abs: 0xe0, f32x4Neg: 0xe1, f32x4Sqrt: 0xe3,
  f32x4Add: 0xe4, f32x4Sub: 0xe5, f32x4Mul: 0xe6, f32x4Div: 0xe7, f32x4Min: 0xe8, f32x4Max: 0xe9,
} as const;

/** Unsigned LEB128 of a non-negative integer < 2^32. */
export function uleb(v: number): number[] {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`uleb: ${v} is not a u32`);
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of an integer in the i32 range. */
export function sleb(v: number): number[] {
  if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`sleb: ${v} is not an i32`);
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    // Done when the rest is all sign bits and the sign bit of this byte agrees.
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A growable byte sequence with the encoders instructions need. */
export class Code {
  readonly bytes: number[] = [];

  op(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  simd(op: number): this {
    return this.op(0xfd, ...uleb(op));
  }
  get(local: number): this {
    return this.op(Op.localGet, ...uleb(local));
  }
  set(local: number): this {
    return this.op(Op.localSet, ...uleb(local));
  }
  tee(local: number): this {
    return this.op(Op.localTee, ...uleb(local));
  }
  i32(v: number): this {
    return this.op(Op.i32Const, ...sleb(v));
  }
  /** A scalar memory instruction with its memarg (log2 alignment, constant offset). */
  mem(op: number, align: number, offset: number): this {
    return this.op(op, ...uleb(align), ...uleb(offset));
  }
  /** A SIMD memory instruction with its memarg (log2 alignment, constant offset). */
  simdMem(op: number, align: number, offset: number): this {
    return this.simd(op).op(...uleb(align), ...uleb(offset));
  }
  /** v128.const with four i32 lanes (little-endian, as memory lays them out). */
  v128i32(lanes: readonly [number, number, number, number]): this {
    this.simd(Simd.const);
    for (const l of lanes) this.op(l & 0xff, (l >>> 8) & 0xff, (l >>> 16) & 0xff, (l >>> 24) & 0xff);
    return this;
  }
  append(other: Code | readonly number[]): this {
    const src = other instanceof Code ? other.bytes : other;
    for (const b of src) this.bytes.push(b);
    return this;
  }
}

/** One exported function: i32 parameters, at most an i32 result, locals in declaration order. */
export interface FuncSpec {
  readonly name: string;
  readonly params: number;
  /** Returns an i32 (left on the stack by the body). */
  readonly returnsI32?: boolean;
  /** Local declarations after the parameters, in index order: [count, type] runs. */
  readonly locals: readonly (readonly [number, ValType])[];
  /** The body's instructions, without the final `end`. */
  readonly body: Code;
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vec(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const b = Array.from(new TextEncoder().encode(s));
  return [...uleb(b.length), ...b];
}

/**
 * A module that imports one memory (module "env", field "memory", at least `minPages` 64 KiB
 * pages) and exports the given functions; each has its own type (i32 params) -> () or i32.
 */
export function encodeModule(minPages: number, funcs: readonly FuncSpec[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...uleb(f.params), ...Array<number>(f.params).fill(I32), ...(f.returnsI32 ? [1, I32] : [0])]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]];
  const funcTypes = funcs.map((_, i) => uleb(i));
  const exports = funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = funcs.map((f) => {
    const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body.bytes, Op.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcTypes)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
