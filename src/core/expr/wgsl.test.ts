/**
 * The fused `fg` function of the WGSL emitter. Its text is run by a small interpreter of the
 * WGSL subset the emitter writes, with f32 semantics (every + - * / sqrt and transcendental
 * result rounded, subnormals flushed, as evaluate32 does): so a statement that is missing, out
 * of order, or reads the wrong register shows up as a value that differs from evaluate32 (or a
 * read of an undefined register). GPU parity of the same text: e2e/gpu/expr.spec.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundF32Ftz } from '../f32';
import { OBJECTIVES, bindObjective } from '../objectives';
import { compileFormula } from './index';

const f32 = roundF32Ftz;
const CALLS: Record<string, (v: number) => number> = {
  sqrt: (v) => f32(Math.sqrt(v)), abs: Math.abs, sin: (v) => f32(Math.sin(v)), cos: (v) => f32(Math.cos(v)),
  tan: (v) => f32(Math.tan(v)), exp: (v) => f32(Math.exp(v)), log: (v) => f32(Math.log(v)), tanh: (v) => f32(Math.tanh(v)),
};
const ARITH: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => f32(a + b), '-': (a, b) => f32(a - b), '*': (a, b) => f32(a * b), '/': (a, b) => f32(a / b),
};

/** The lines of `fn name(...) { ... }` in `src`, without the signature and closing brace. */
function functionBody(src: string, name: string): string[] {
  const lines = src.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`fn ${name}(`));
  if (start < 0) throw new Error(`no fn ${name} in\n${src}`);
  const end = lines.indexOf('}', start);
  return lines.slice(start + 1, end);
}

/** Runs an emitted function body (params read as `objParams[i]`) at p = (x, y). */
function interpret(body: readonly string[], x: number, y: number, params: ArrayLike<number>): number[] {
  const env = new Map<string, number>();
  const val = (e: string): number => {
    let m: RegExpExecArray | null;
    if (e === 'p.x') return f32(x);
    if (e === 'p.y') return f32(y);
    if ((m = /^f32\(objParams\[(\d+)\]\)$/.exec(e))) return f32(params[Number(m[1])]);
    if ((m = /^\(-(.+)f\)$/.exec(e))) return -Number(m[1]);
    if ((m = /^([0-9.e+-]+)f$/.exec(e))) return Number(m[1]);
    if ((m = /^-(r\d+)$/.exec(e))) return -val(m[1]);
    if ((m = /^select\((\w+), (\w+), (\w+) >= (\w+)\)$/.exec(e))) return val(m[3]) >= val(m[4]) ? val(m[2]) : val(m[1]);
    if ((m = /^(\w+) ([-+*/]) (\w+)$/.exec(e))) return ARITH[m[2]](val(m[1]), val(m[3]));
    if ((m = /^(min|max)\((\w+), (\w+)\)$/.exec(e))) return Math[m[1] as 'min' | 'max'](val(m[2]), val(m[3]));
    if ((m = /^(\w+)\((\w+)\)$/.exec(e)) && CALLS[m[1]]) return CALLS[m[1]](val(m[2]));
    if (/^[rt]\d+$/.test(e)) {
      const v = env.get(e);
      if (v === undefined) throw new Error(`${e} read before it is defined`);
      return v;
    }
    throw new Error(`unexpected WGSL expression '${e}'`);
  };
  for (const line of body) {
    let m: RegExpExecArray | null;
    if ((m = /^ {2}let (\w+) = (.+);$/.exec(line))) env.set(m[1], val(m[2]));
    else if ((m = /^ {2}return vec3f\((\w+), (\w+), (\w+)\);$/.exec(line))) return [val(m[1]), val(m[2]), val(m[3])];
    else throw new Error(`unexpected WGSL line '${line}'`);
  }
  throw new Error('no return');
}

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('fused fg', () => {
  const cases = [
    { source: '(a-x)^2 + b*(y-x^2)^2', params: { a: 1, b: 100 } },
    { source: '(x*y - 1) / (x^2 + y^2 + 1) + x^8/1000 + 0.1*y^-2' },
    { source: 'sqrt(x^2 + y^2 + eps) + abs(x - y) + min(x, 2*y) / max(1 + x^2, y) + k*sqrt(abs(x*y))', params: { eps: 0.01, k: 0.5 } },
    { source: 'x*y + x*(y*y) - ((x + 0.1) + 0.7) + (x - a)*b', params: { a: 0.3, b: 7 } },
    { source: 'sin(x)*cos(y) + exp(-(x^2 + y^2)/2) * log(1 + x^2) + tanh(x*y) + tan(x/3)' },
    { source: 'x^1.5 + 2^y + x^y' },
    { source: '3' },
  ];

  it.each(cases)('equals evaluate32 bit for bit: $source', ({ source, params = {} }) => {
    const names = Object.keys(params);
    const values = names.map((n) => (params as Record<string, number>)[n]);
    const formula = compileFormula(source, { params: names });
    const body = functionBody(formula.toWgsl(), 'fg');
    const cpu = new Float64Array(3);
    const coord = fc.double({ min: -4, max: 4, noNaN: true });
    fc.assert(fc.property(coord, coord, (x, y) => {
      formula.evaluate32(x, y, values, cpu);
      const got = interpret(body, x, y, values);
      return got.every((v, k) => same(v, cpu[k]));
    }), { seed: 7, numRuns: 300 });
  });

  it.each(OBJECTIVES.map((d) => d.id))('equals evaluate32 bit for bit on objective %s', (id) => {
    const bound = bindObjective(id);
    const body = functionBody(bound.formula.toWgsl(), 'fg');
    const cpu = new Float64Array(3);
    const { x: [x0, x1], y: [y0, y1] } = bound.def.domain;
    for (let i = 0; i <= 20; i++) {
      for (let j = 0; j <= 20; j++) {
        const x = x0 + ((x1 - x0) * i) / 20.3;
        const y = y0 + ((y1 - y0) * j) / 20.7;
        bound.formula.evaluate32(x, y, bound.paramValues, cpu);
        expect(interpret(body, x, y, bound.paramValues), `${id} at (${x}, ${y})`).toEqual(Array.from(cpu));
      }
    }
  });

  it('computes what f and grad share once, in tape order, with the same statements', () => {
    const src = compileFormula('(a-x)^2 + b*(y-x^2)^2', { params: ['a', 'b'] }).toWgsl({ prefix: 'obj_' });
    expect(src).toContain('fn obj_fg(p: vec2f) -> vec3f {');
    const f = functionBody(src, 'obj_f').slice(0, -1);
    const g = functionBody(src, 'obj_grad').slice(0, -1);
    const fg = functionBody(src, 'obj_fg').slice(0, -1);
    const reg = (line: string): number => Number(/let [rt](\d+)/.exec(line)![1]);
    // Every statement of f and of grad, each once (same text: same operation, same guards).
    expect(new Set(fg)).toEqual(new Set([...f, ...g]));
    expect(fg.length).toBe(new Set(fg).size);
    // Rosenbrock's y - x^2 (and x^2) are in both f and grad, so fg is shorter than the two.
    expect(fg.length).toBeLessThan(f.length + g.length);
    // In tape order (a fence line `let rK = min(tK, tK)` follows its `let tK`).
    expect(fg.map(reg)).toEqual(fg.map(reg).slice().sort((p, q) => p - q));
  });

  it('without exactGuards: the same statements, each + - * / result used directly, same values', () => {
    const formula = compileFormula('(a-x)^2 + b*(y-x^2)^2 / (1 + x*x)', { params: ['a', 'b'] });
    const guarded = functionBody(formula.toWgsl(), 'fg');
    const bare = functionBody(formula.toWgsl({ exactGuards: false }), 'fg');
    expect(bare.join('\n')).not.toMatch(/min\(t\d+, t\d+\)|let t\d+/);
    // One line per tape instruction instead of two per arithmetic one.
    expect(bare.length).toBe(guarded.filter((l) => !/let t\d+/.test(l)).length);
    const cpu = new Float64Array(3);
    for (const [x, y] of [[0.5, 0.25], [-1.2, 1], [3, -2]]) {
      formula.evaluate32(x, y, [1, 100], cpu);
      expect(interpret(bare, x, y, [1, 100]), `(${x}, ${y})`).toEqual(Array.from(cpu));
    }
  });

  it('the interpreter rejects a statement out of order (the checks above can fail)', () => {
    const body = functionBody(compileFormula('(y - x^2)^2').toWgsl(), 'fg');
    const swapped = [...body];
    const last = swapped.length - 2;
    [swapped[0], swapped[last]] = [swapped[last], swapped[0]];
    expect(() => interpret(swapped, 0.5, 0.25, [])).toThrow(/before it is defined/);
  });
});

describe('bit-exactness guards (guardedRegisters)', () => {
  /** The guarded operations of a formula's f, as WGSL right-hand sides (`rA op rB`). */
  const guardedOps = (source: string, params: string[] = []): string[] => {
    const body = functionBody(compileFormula(source, { params }).toWgsl(), 'f');
    return body.filter((l) => /let t\d+ = /.test(l)).map((l) => l.replace(/^\s*let t\d+ = (.*);$/, '$1'));
  };
  const unguardedCount = (source: string, params: string[] = []): number =>
    functionBody(compileFormula(source, { params }).toWgsl(), 'f').filter((l) => /let r\d+ = r\d+ [-+*/] r\d+;/.test(l)).length;

  it('guards a result with a constant operand (MergeMulMul and friends: (x*c1)*c2)', () => {
    // The producer x*3 (registers: x, 3, 5, then x*3) is guarded from the consumer (x*3)*5.
    expect(guardedOps('x*3*5')).toContain('r0 * r1');
    expect(guardedOps('(x + 0.1) + 0.7')).toContain('r0 + r1');
  });
  it('guards both multiplies of an add or sub of products (FactorAddMuls: a*b + a*c)', () => {
    expect(guardedOps('x*y + x*x')).toHaveLength(2);
    expect(guardedOps('x*y - y*y')).toHaveLength(2);
  });
  it('guards a subtraction whose subtrahend is added back (MergeGenericAddSub: (a - b) + b)', () => {
    expect(guardedOps('(x - y) + y')).toHaveLength(1);
  });
  it('leaves products that share no factor, and constants no rule can pair, unguarded', () => {
    expect(guardedOps('x*2 + y*3')).toHaveLength(0);
    expect(guardedOps('(a-x)^2 + b*(y-x^2)^2', ['a', 'b'])).toHaveLength(0);
    // -(2x) becomes x*(-2) exactly, so a later constant factor would merge with it.
    expect(guardedOps('-(2*x)*3')).toEqual(['r1 * r0']);
  });
  it('leaves arithmetic of runtime values that no rule merges unguarded', () => {
    expect(guardedOps('x*y + x', [])).toHaveLength(0);
    expect(guardedOps('(a - x) / (b + y)', ['a', 'b'])).toHaveLength(0);
    expect(unguardedCount('(a - x) / (b + y)', ['a', 'b'])).toBe(3);
  });
  it('treats arithmetic of literals as constant (the compiler folds it), e.g. -(2)*x', () => {
    // A literal's negation is folded to a constant by the shader compiler: x * (-2) then
    // merges with a later constant factor like x * 2 would.
    expect(guardedOps('(-2)*x*3').length).toBeGreaterThanOrEqual(1);
  });
  it('exactGuards false emits none', () => {
    const src = compileFormula('x*3*5 + x*y + x*x').toWgsl({ exactGuards: false });
    expect(src).not.toMatch(/min\((t\d+), \1\)/);
  });
});
