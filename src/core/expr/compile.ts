import { roundF32Ftz } from '../f32';
import { isReservedName, type AstNode } from './ast';
import { astToIr, differentiate } from './differentiate';
import { FormulaError } from './errors';
import { inputLayout, loadInputs, loadInputs32, makeRegisters, run32, run64 } from './evaluate';
import { IrBuilder } from './ir';
import { toLatex } from './latex';
import { lowerPowers } from './lower';
import { parse } from './parser';
import { buildTape, type Tape } from './tape';
import type { CompiledFormula, WgslEmitOptions } from './types';
import { emitWgsl } from './wgsl';

/** Options of {@link compileFormula}. */
export interface CompileOptions {
  /** Names of the formula's parameters; `params` arrays passed to evaluate follow this order. */
  readonly params?: readonly string[];
}

/** A compiled formula plus the internals tests and tools may inspect. */
export interface CompiledFormulaDetails extends CompiledFormula {
  /** The instruction tape evaluate/evaluate32/toWgsl share. */
  readonly tape: Tape;
  /** The parsed surface tree. */
  readonly ast: AstNode;
}

const fround = roundF32Ftz;
const identity = (v: number): number => v;

function checkParams(params: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of params) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new FormulaError(`Parameter name '${name}' is not a valid name (letters, digits, _)`, 0, 1);
    }
    if (isReservedName(name)) throw new FormulaError(`Parameter name '${name}' is reserved`, 0, 1);
    if (seen.has(name)) throw new FormulaError(`Parameter '${name}' is declared twice`, 0, 1);
    seen.add(name);
  }
}

/** The instruction tape of a compiled formula: its own, or (for one compiled elsewhere) a recompilation. */
export function formulaTape(formula: CompiledFormula): Tape {
  return (formula as Partial<CompiledFormulaDetails>).tape ?? compileFormula(formula.source, { params: formula.params }).tape;
}

/**
 * Compiles a formula in x, y and named parameters: tokenize -> parse -> IR -> d/dx, d/dy ->
 * simplify (during construction) -> lower powers -> one shared instruction tape. Throws
 * {@link FormulaError} (with a 0-based position) for anything it cannot compile.
 *
 * @example
 * const f = compileFormula('(a-x)^2 + b*(y-x^2)^2', { params: ['a', 'b'] });
 * const out = new Float64Array(3);
 * f.evaluate(1, 1, [1, 100], out); // out = [0, 0, 0]
 */
export function compileFormula(source: string, options: CompileOptions = {}): CompiledFormulaDetails {
  const params = [...(options.params ?? [])];
  checkParams(params);
  const ast = parse(source, params);
  const b = new IrBuilder();
  const f = astToIr(ast, b);
  const gx = differentiate(f, 'x', b);
  const gy = differentiate(f, 'y', b);
  const memo = new Map();
  const tape = buildTape([lowerPowers(f, b, memo), lowerPowers(gx, b, memo), lowerPowers(gy, b, memo)]);
  // Registers are per formula: evaluate is not re-entrant, which JS's single thread allows.
  const r64 = makeRegisters(tape, identity);
  const r32 = makeRegisters(tape, fround);
  const layout = inputLayout(tape);
  const [of, ox, oy] = tape.out;
  let latex: string | undefined;
  return {
    source,
    params,
    transcendental: tape.transcendental,
    tape,
    ast,
    evaluate(x, y, p, out) {
      loadInputs(layout, r64, x, y, p);
      run64(tape, r64);
      out[0] = r64[of];
      out[1] = r64[ox];
      out[2] = r64[oy];
    },
    evaluate32(x, y, p, out) {
      loadInputs32(layout, r32, x, y, p);
      run32(tape, r32);
      out[0] = r32[of];
      out[1] = r32[ox];
      out[2] = r32[oy];
    },
    toWgsl: (o?: WgslEmitOptions) => emitWgsl(tape, o),
    toLatex: () => (latex ??= toLatex(ast)),
  };
}
