import { Op, type Tape } from './tape';
import type { WgslEmitOptions } from './types';

/**
 * An f32 literal that WGSL parses back to exactly Math.fround(c): JavaScript's shortest
 * round-trip decimal of the float32 value is closer to it than to any other float32. Forms:
 * `1f`, `0.5f`, `1.000000013351432e-10f`, `1e+21f`; negatives (and -0) in parentheses.
 */
export function wgslF32Literal(c: number): string {
  const v = Math.fround(c);
  if (!Number.isFinite(v)) throw new Error(`No WGSL literal for ${c}: not a finite float32`);
  const neg = v < 0 || Object.is(v, -0);
  const text = `${String(Math.abs(v))}f`;
  return neg ? `(-${text})` : text;
}

const BINARY: Partial<Record<number, string>> = { [Op.add]: '+', [Op.sub]: '-', [Op.mul]: '*', [Op.div]: '/' };
const CALL: Partial<Record<number, string>> = {
  [Op.sqrt]: 'sqrt', [Op.abs]: 'abs', [Op.sin]: 'sin', [Op.cos]: 'cos', [Op.tan]: 'tan',
  [Op.exp]: 'exp', [Op.log]: 'log', [Op.tanh]: 'tanh', [Op.min]: 'min', [Op.max]: 'max',
};

/** Registers that `outputs` depend on (the tape is topologically ordered). */
function needed(t: Tape, outputs: readonly number[]): boolean[] {
  const need = new Array<boolean>(t.length).fill(false);
  for (const o of outputs) need[o] = true;
  for (let i = t.length - 1; i >= t.computeStart; i--) {
    if (!need[i]) continue;
    const op = t.ops[i];
    need[t.a[i]] = true;
    if (BINARY[op] || op === Op.min || op === Op.max || op === Op.selge) need[t.b[i]] = true;
    if (op === Op.selge) {
      need[t.c[i]] = true;
      need[t.d[i]] = true;
    }
  }
  return need;
}

const ARITH = new Set<number>([Op.add, Op.sub, Op.mul, Op.div]);

/**
 * Which results get a guard, `min(v, v)` (an exact identity, NaN included). SwiftShader runs
 * SPIRV-Tools' folding rules on the shader, and some of them reassociate float arithmetic
 * (measured: up to 114 ulp differences with no guards). A rule matches an instruction and the
 * defining opcode of an operand, and an FMin is not one it looks through, so a guard on the
 * operand stops it. The inexact rules, and when each can match:
 * - merging constants (MergeMulMul (x*c1)*c2 -> x*(c1*c2), MergeMulDiv, MergeDivMul,
 *   MergeDivDiv, MergeAddAdd, MergeAddSub, MergeSubAdd, MergeSubSub): the consumer has a
 *   compile-time constant operand (a literal, or arithmetic of literals, which the compiler
 *   folds) and its other operand is + - * / with a constant operand too, possibly under
 *   negations (the negate rules turn -(x*2) into x*(-2), exactly);
 * - FactorAddMuls, a*b + a*c -> a*(b + c): both operands of an add are multiplies that share
 *   an operand (guarded for subtractions too, to be safe);
 * - MergeGenericAddSub, (a - b) + b -> a: a subtraction feeding an add of its subtrahend.
 * The producers in those patterns are guarded; the rest of SPIRV-Tools' float rules are exact
 * (negations merged into a constant, x + -y -> x - y) and division by a constant is already
 * multiplication by its reciprocal in the tape. For Rosenbrock this leaves no guard at all
 * (12 when every result was guarded). The formula and engine parity specs (e2e/gpu:
 * expr.spec's reassociation traps, engine.spec) hold the result bit-exact on SwiftShader.
 */
export function guardedRegisters(t: Tape): boolean[] {
  const n = t.length;
  const constant = new Array<boolean>(n).fill(false);
  /** + - * / with exactly one compile-time constant operand: a constant-merging producer. */
  const withConstant = new Array<boolean>(n).fill(false);
  const guard = new Array<boolean>(n).fill(false);
  for (let i = 0; i < t.computeStart; i++) constant[i] = t.ops[i] === Op.const;
  /** The instruction under a chain of (non-constant) negations. */
  const underNegations = (k: number): number => {
    while (t.ops[k] === Op.neg && !constant[k]) k = t.a[k];
    return k;
  };
  const shareOperand = (p: number, q: number): boolean =>
    t.a[p] === t.a[q] || t.a[p] === t.b[q] || t.b[p] === t.a[q] || t.b[p] === t.b[q];
  for (let i = t.computeStart; i < n; i++) {
    const op = t.ops[i];
    const a = t.a[i];
    const b = t.b[i];
    const binary = ARITH.has(op) || op === Op.min || op === Op.max;
    if (op === Op.selge) constant[i] = constant[a] && constant[b] && constant[t.c[i]] && constant[t.d[i]];
    else constant[i] = constant[a] && (!binary || constant[b]);
    if (!ARITH.has(op) || constant[i]) continue;
    if (constant[a] || constant[b]) {
      withConstant[i] = true;
      const producer = underNegations(constant[a] ? b : a);
      if (withConstant[producer]) guard[producer] = true;
    }
    if ((op === Op.add || op === Op.sub) && t.ops[a] === Op.mul && t.ops[b] === Op.mul && shareOperand(a, b)) guard[a] = guard[b] = true;
    if (op === Op.add) {
      if (t.ops[a] === Op.sub && t.b[a] === b) guard[a] = true;
      if (t.ops[b] === Op.sub && t.b[b] === a) guard[b] = true;
    }
  }
  return guard;
}

/**
 * One `let` per instruction: `let rI = ...;`, with a guard where guardedRegisters says so
 * (`guards` null: none). Real GPU drivers may fold min(v, v) away (not verified), and FMA
 * contraction makes parity a tolerance there anyway, so the engine emits no guards on hardware
 * adapters (WgslEmitOptions.exactGuards).
 */
function statement(t: Tape, i: number, paramExpr: (index: number) => string, guards: boolean[] | null): string {
  const op = t.ops[i];
  const r = (k: number): string => `r${k}`;
  let rhs: string;
  if (op === Op.x) rhs = 'p.x';
  else if (op === Op.y) rhs = 'p.y';
  else if (op === Op.param) rhs = `f32(${paramExpr(t.imm[i])})`;
  // Literals get their own `let` so no WGSL const-expression ever forms: Tint would fold it
  // at compile time (and reject overflow to Inf as an error).
  else if (op === Op.const) rhs = wgslF32Literal(t.imm[i]);
  else if (op === Op.neg) rhs = `-${r(t.a[i])}`;
  else if (op === Op.selge) rhs = `select(${r(t.d[i])}, ${r(t.c[i])}, ${r(t.a[i])} >= ${r(t.b[i])})`;
  else if (BINARY[op]) {
    if (!guards?.[i]) return `  let ${r(i)} = ${r(t.a[i])} ${BINARY[op]} ${r(t.b[i])};`;
    return `  let t${i} = ${r(t.a[i])} ${BINARY[op]} ${r(t.b[i])};\n  let ${r(i)} = min(t${i}, t${i});`;
  }
  else if (op === Op.min || op === Op.max) rhs = `${CALL[op]}(${r(t.a[i])}, ${r(t.b[i])})`;
  else rhs = `${CALL[op]}(${r(t.a[i])})`;
  return `  let ${r(i)} = ${rhs};`;
}

function body(t: Tape, outputs: readonly number[], paramExpr: (index: number) => string, guards: boolean[] | null): string[] {
  const need = needed(t, outputs);
  const lines: string[] = [];
  for (let i = 0; i < t.length; i++) if (need[i]) lines.push(statement(t, i, paramExpr, guards));
  return lines;
}

/**
 * WGSL for `${prefix}f(p: vec2f) -> f32`, `${prefix}grad(p: vec2f) -> vec2f` and the fused
 * `${prefix}fg(p: vec2f) -> vec3f` (f, df/dx, df/dy). Each walks the tape in its order, keeping
 * only the instructions its outputs need, so each value is computed by the same f32 operations
 * as evaluate32. fg walks it once for all three outputs: the subexpressions f and the gradient
 * share (Rosenbrock's y - x^2) are computed once, where calling f and grad computes them twice.
 * `p` is unused by a constant formula; WGSL allows unused parameters.
 */
export function emitWgsl(t: Tape, options: WgslEmitOptions = {}): string {
  const prefix = options.prefix ?? '';
  const paramExpr = options.paramExpr ?? ((i: number) => `objParams[${i}]`);
  const guards = options.exactGuards ?? true ? guardedRegisters(t) : null;
  const [f, gx, gy] = t.out;
  return [
    `fn ${prefix}f(p: vec2f) -> f32 {`,
    ...body(t, [f], paramExpr, guards),
    `  return r${f};`,
    `}`,
    ``,
    `fn ${prefix}grad(p: vec2f) -> vec2f {`,
    ...body(t, [gx, gy], paramExpr, guards),
    `  return vec2f(r${gx}, r${gy});`,
    `}`,
    ``,
    `fn ${prefix}fg(p: vec2f) -> vec3f {`,
    ...body(t, [f, gx, gy], paramExpr, guards),
    `  return vec3f(r${f}, r${gx}, r${gy});`,
    `}`,
    ``,
  ].join('\n');
}
