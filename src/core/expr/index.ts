/**
 * Formula compiler: text -> AST -> exact gradient -> float64/float32 evaluators and WGSL.
 * Everything outside src/core/expr imports from here.
 */
export type { CompiledFormula, FormulaErrorInfo, WgslEmitOptions } from './types';
export { FormulaError } from './errors';
export { compileFormula, formulaTape, type CompileOptions, type CompiledFormulaDetails } from './compile';
export { wgslF32Literal } from './wgsl';
export { MAX_EXPANDED_POWER } from './lower';
export { UNARY_FUNCTIONS, BINARY_FUNCTIONS } from './ast';
export { createBatchEvaluator, evaluateBatch, roundF32FtzFast, type BatchEvaluator, type BatchPrecision } from './batch';
export { finiteOnBox, FINITE_LIMIT, lossLowerBoundOnBox } from './range';
export { MAX_FORMULA_LENGTH, MAX_NESTING } from './parser';
