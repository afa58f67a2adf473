import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundF32FtzFast } from '../../../core/expr';
import { Code, encodeModule, Op, Simd, sleb, uleb, VOID } from './emit';
import { Consts, Locals, VecBuilder, type V } from './vector';

/** Decodes LEB128 (signed when `signed`), for round trips. */
function decode(bytes: number[], signed: boolean): number {
  let result = 0;
  let shift = 0;
  let byte: number;
  let i = 0;
  do {
    byte = bytes[i++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  expect(i).toBe(bytes.length);
  if (signed && byte & 0x40) result -= 2 ** shift;
  return result;
}

describe('LEB128', () => {
  it('encodes the spec examples', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it('round-trips every u32 and i32', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => decode(uleb(v), false) === v));
    fc.assert(fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (v) => decode(sleb(v), true) === v));
  });

  it('rejects values outside the range', () => {
    expect(() => uleb(-1)).toThrow(/u32/);
    expect(() => uleb(2 ** 32)).toThrow(/u32/);
    expect(() => sleb(2 ** 31)).toThrow(/i32/);
    expect(() => uleb(1.5)).toThrow(/u32/);
  });
});

/**
 * A module whose run(n) applies `op` to lanes [0, n) of arrays A and B (f32, at bytes 0 and
 * 4096), writing D (at 8192), through the kernels' own VecBuilder.
 */
function laneKernel(op: (b: VecBuilder<null>, a: V, c: V) => V): (a: Float32Array, b: Float32Array) => Float32Array {
  const locals = new Locals(1);
  const p = locals.i32();
  const consts = new Consts<null>(locals, 12288);
  const b = new VecBuilder<null>(locals, consts, locals.v128());
  const va = locals.v128();
  const vb = locals.v128();
  const out = op(b, va, vb);
  const body = new Code().append(consts.entry);
  body.i32(0).set(p).op(Op.block, VOID, Op.loop, VOID);
  body.get(p).get(0).i32(2).op(Op.i32Shl, Op.i32GeS, Op.brIf, 1);
  body.get(p).simdMem(Simd.load, 4, 0).set(va);
  body.get(p).simdMem(Simd.load, 4, 4096).set(vb);
  for (const f of b.frags) body.append(f);
  body.get(p).get(out).simdMem(Simd.store, 4, 8192);
  body.get(p).i32(16).op(Op.i32Add).set(p).op(Op.br, 0, Op.end, Op.end);
  const bytes = encodeModule(1, [{ name: 'run', params: 1, locals: locals.declarations(), body }]);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const run = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports.run as (n: number) => void;
  return (a, c) => {
    const n = a.length;
    new Float32Array(memory.buffer, 0, n).set(a);
    new Float32Array(memory.buffer, 4096, n).set(c);
    run(Math.ceil(n / 4) * 4);
    return new Float32Array(memory.buffer, 8192, n).slice();
  };
}

const MIN = 1.1754943508222875e-38;
/** Operands around the flush threshold, signed zeros, subnormals, ±Inf, NaN, ordinary values. */
const SPECIAL = [0, -0, MIN, -MIN, MIN * 1.5, MIN / 2, -MIN / 3, 1e-45, -1e-45, Infinity, -Infinity, NaN, 1, -1, 2.5, 1e38, 3e-20, -7e-21]
  .map(Math.fround);

function pairs(): [Float32Array, Float32Array] {
  const a: number[] = [];
  const c: number[] = [];
  for (const u of SPECIAL) for (const v of SPECIAL) { a.push(u); c.push(v); }
  return [Float32Array.from(a), Float32Array.from(c)];
}

/** Bit-for-bit equality (sign of zero included; any NaN equals any NaN, as in JS). */
function expectSame(actual: Float32Array, expected: (j: number) => number): void {
  for (let j = 0; j < actual.length; j++) {
    if (!Object.is(actual[j], expected(j))) expect({ j, got: actual[j] }).toEqual({ j, got: expected(j) });
  }
}

describe('kernel operations equal the JS float32 path', () => {
  const [a, c] = pairs();
  const cases: [string, (b: VecBuilder<null>, x: V, y: V) => V, (x: number, y: number) => number][] = [
    ['add', (b, x, y) => b.add(x, y), (x, y) => roundF32FtzFast(x + y)],
    ['sub', (b, x, y) => b.sub(x, y), (x, y) => roundF32FtzFast(x - y)],
    ['mul', (b, x, y) => b.mul(x, y), (x, y) => roundF32FtzFast(x * y)],
    ['div', (b, x, y) => b.div(x, y), (x, y) => roundF32FtzFast(x / y)],
    ['sqrt', (b, x) => b.sqrt(x), (x) => roundF32FtzFast(Math.sqrt(x))],
    ['min', (b, x, y) => b.min(x, y), Math.min],
    ['max', (b, x, y) => b.max(x, y), Math.max],
    ['neg', (b, x) => b.neg(x), (x) => -x],
    ['abs', (b, x) => b.fabs(x), Math.abs],
  ];
  for (const [name, op, js] of cases) {
    it(`${name}: special operands (±0, subnormal results, ±Inf, NaN) and random floats`, () => {
      const k = laneKernel(op);
      // sqrt's flush is skipped on purpose: only flushed (never subnormal) operands reach it.
      const keep = name === 'sqrt' ? (v: number) => Math.abs(v) >= MIN || v === 0 || v !== v : () => true;
      const idx = Array.from(a.keys()).filter((j) => keep(a[j]));
      const xa = Float32Array.from(idx, (j) => a[j]);
      const xc = Float32Array.from(idx, (j) => c[j]);
      expectSame(k(xa, xc), (j) => js(xa[j], xc[j]));
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.float({ noDefaultInfinity: false }), fc.float()), { minLength: 1, maxLength: 33 }), (ps) => {
          const ok = ps.filter(([x]) => keep(x));
          if (ok.length === 0) return;
          const fa = Float32Array.from(ok, ([x]) => roundF32FtzFast(x));
          const fb = Float32Array.from(ok, ([, y]) => roundF32FtzFast(y));
          expectSame(k(fa, fb), (j) => js(fa[j], fb[j]));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('the flush turns exactly the subnormal results into zeros of their sign', () => {
    const k = laneKernel((b, x, y) => b.mul(x, y));
    const out = k(Float32Array.of(MIN, -MIN, MIN, 1e-30, -1e-30), Float32Array.of(0.5, 0.5, 1, 1e-15, 1e-10));
    expect(Array.from(out)).toEqual([0, -0, MIN, 0, -0]);
    expect(Object.is(out[1], -0)).toBe(true);
  });

  it('select (selge) picks by f32x4.ge like a >= b ? c : d, NaN comparing false', () => {
    const k = laneKernel((b, x, y) => b.select(b.raw(Simd.f32x4Ge, [x, y]), x, y));
    const [xa, xc] = pairs();
    expectSame(k(xa, xc), (j) => (xa[j] >= xc[j] ? xa[j] : xc[j]));
  });
});
