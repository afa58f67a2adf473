/**
 * The surface syntax tree: the formula as written (kept for LaTeX and error positions). The
 * compiler lowers it to the interned IR in ./ir before differentiating.
 */

/** Functions of one argument. */
export const UNARY_FUNCTIONS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh'] as const;
/** Functions of two arguments. */
export const BINARY_FUNCTIONS = ['min', 'max'] as const;

export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
export type BinaryFunction = (typeof BINARY_FUNCTIONS)[number];
export type FunctionName = UnaryFunction | BinaryFunction;

/** Binary operators of the grammar. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** Source span shared by every node: [start, end) in the formula text. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** A node of the surface syntax tree. */
export type AstNode =
  | (Span & { readonly kind: 'num'; readonly value: number; readonly text: string })
  | (Span & { readonly kind: 'var'; readonly name: 'x' | 'y' })
  | (Span & { readonly kind: 'param'; readonly index: number; readonly name: string })
  | (Span & { readonly kind: 'const'; readonly name: 'pi' | 'e' })
  | (Span & { readonly kind: 'unary'; readonly op: '-' | '+'; readonly arg: AstNode })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: AstNode; readonly right: AstNode })
  | (Span & { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly AstNode[] });

/** True for names the grammar reserves (they cannot be parameter names). */
export function isReservedName(name: string): boolean {
  return (
    name === 'x' || name === 'y' || name === 'pi' || name === 'e' ||
    (UNARY_FUNCTIONS as readonly string[]).includes(name) ||
    (BINARY_FUNCTIONS as readonly string[]).includes(name)
  );
}
