/**
 * Public contract of the formula compiler (src/core/expr). Implementation lives beside this file;
 * everything else imports from './index'.
 */

/** A formula that failed to parse or compile. `position` is a 0-based index into the source. */
export interface FormulaErrorInfo {
  readonly message: string;
  /** 0-based character offset of the offending token in the source text. */
  readonly position: number;
  /** Length of the offending token (at least 1). */
  readonly length: number;
  /** What went wrong, for translated messages (the English `message` says the same). */
  readonly code?: FormulaErrorCode;
  /** The values the message names (a token, a function name, a suggested fix...). */
  readonly args?: Readonly<Record<string, string | number>>;
}

/** Kinds of formula errors; the UI has a translated message for each. */
export type FormulaErrorCode =
  | 'empty'
  | 'unexpectedEnd'
  | 'implicitMultiplication'
  | 'unexpectedToken'
  | 'powerOperator'
  | 'missingClose'
  | 'unknownFunction'
  | 'unknownName'
  | 'expectedParen'
  | 'arity'
  | 'malformedNumber'
  | 'numberTooLarge'
  | 'unexpectedCharacter'
  | 'tooLong'
  | 'tooDeep'
  | 'invalidParameter';

/** Options for emitting WGSL. */
export interface WgslEmitOptions {
  /** Prefix for the emitted function names: `${prefix}f`, `${prefix}grad`, `${prefix}fg`. Default ''. */
  readonly prefix?: string;
  /**
   * WGSL expression that reads parameter number `index` (in `params` order) at run time.
   * Default: `objParams[${index}]` (the kernel declares it). Parameters are never baked in as
   * constants: constant folding at another precision would break bit-exact parity.
   */
  readonly paramExpr?: (index: number) => string;
  /**
   * Pass every + - * / result through `min(v, v)` (default true): it stops SPIR-V folding
   * (SwiftShader) from reassociating, so the WGSL matches evaluate32 bit for bit there. A
   * hardware driver may not fold the identity away, and it stands between a multiply and an
   * add that FMA contraction would fuse; where contraction already makes parity a tolerance
   * (hardware GPUs) the guards buy nothing, so turn them off there. Their cost on the H200 is
   * not measured yet (docs/benchmarks-real-gpu.md, "Ablation on the H200").
   */
  readonly exactGuards?: boolean;
}

/** A compiled formula f(x, y; params) with its exact gradient. */
export interface CompiledFormula {
  readonly source: string;
  /** Parameter names, in the order the `params` arrays below use. */
  readonly params: readonly string[];
  /** True when the formula uses sin/cos/tan/exp/log/tanh or a non-integer power (GPU parity is then by tolerance). */
  readonly transcendental: boolean;
  /** Float64: writes [f, df/dx, df/dy] into out[0..2]. */
  evaluate(x: number, y: number, params: ArrayLike<number>, out: Float64Array): void;
  /**
   * Float32-exact: the same operations in the same order as the emitted WGSL, with Math.fround
   * after every operation (inputs and constants rounded first). Writes [f, gx, gy] into out.
   */
  evaluate32(x: number, y: number, params: ArrayLike<number>, out: Float64Array): void;
  /**
   * WGSL source defining `fn ${prefix}f(p: vec2f) -> f32`, `fn ${prefix}grad(p: vec2f) -> vec2f`
   * and `fn ${prefix}fg(p: vec2f) -> vec3f` (f, df/dx, df/dy in one pass over the shared tape;
   * the same values as f and grad, bit for bit).
   */
  toWgsl(options?: WgslEmitOptions): string;
  /** LaTeX of the formula as written (for KaTeX). */
  toLatex(): string;
}
