import { BINARY_FUNCTIONS, UNARY_FUNCTIONS, type AstNode, type FunctionName } from './ast';
import { FormulaError } from './errors';
import { tokenize, type Token } from './tokenizer';

/** Longest formula accepted (characters); bounds every stage's work and the share link. */
export const MAX_FORMULA_LENGTH = 2000;

/**
 * Deepest nesting accepted: brackets, function calls, signs and exponents, counted together.
 * Each level costs the parser five stack frames and every later stage (lowering to IR,
 * differentiation, power lowering, tape building, LaTeX) one to three, so 100 levels stay far
 * below any JavaScript engine's stack, Web Workers included. The tree's other source of depth,
 * a flat chain like x+x+...+x, is bounded by MAX_FORMULA_LENGTH (parsed iteratively; later
 * stages recurse once per operator, at most 1000 deep): nesting.test.ts runs both extremes
 * through the whole compiler.
 */
export const MAX_NESTING = 100;

/**
 * Recursive-descent parser. Grammar (lowest to highest precedence):
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          right-associative; -x^2 = -(x^2), 2^-1 ok
 *   primary := number | name | fn '(' expr (',' expr)* ')' | '(' expr ')'
 *
 * Juxtaposition ("2x", "x y", "(x)(y)") is rejected with a message suggesting '*', because
 * guessing wrong silently would change the surface the student is looking at.
 */
export function parse(source: string, params: readonly string[]): AstNode {
  // The parser itself is safe at any length (nesting is bounded, chains are loops), so a
  // formula nested too deeply says so even when it is also too long; any other error in an
  // over-long formula reads as its length, the first thing to fix.
  const tooLong = source.length > MAX_FORMULA_LENGTH
    ? new FormulaError(
        `The formula is ${source.length} characters long; at most ${MAX_FORMULA_LENGTH} are allowed`,
        MAX_FORMULA_LENGTH,
        source.length - MAX_FORMULA_LENGTH,
        'tooLong',
        { length: source.length, max: MAX_FORMULA_LENGTH },
      )
    : null;
  let ast: AstNode;
  try {
    ast = parseChecked(source, params);
  } catch (e) {
    if (tooLong && !(e instanceof FormulaError && e.code === 'tooDeep')) throw tooLong;
    throw e;
  }
  if (tooLong) throw tooLong;
  return ast;
}

function parseChecked(source: string, params: readonly string[]): AstNode {
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new FormulaError('The formula is empty', 0, 1, 'empty');
  let k = 0;
  let depth = 0;
  /** Enters one nesting level (bracket, call, sign, exponent) at `tok`, refusing past the limit. */
  const enter = (tok: Token): void => {
    if (++depth > MAX_NESTING) {
      throw new FormulaError(
        `Nested too deeply at position ${tok.pos}: at most ${MAX_NESTING} levels of brackets, functions, signs and powers`,
        tok.pos,
        Math.max(1, tok.text.length),
        'tooDeep',
        { max: MAX_NESTING },
      );
    }
  };
  const peek = (): Token => tokens[k];
  const next = (): Token => tokens[k++];

  /** Error for a token found where an operator or closing bracket was expected. */
  const unexpected = (tok: Token, left?: AstNode): FormulaError => {
    if (tok.kind === 'end') return new FormulaError(`Unexpected end of formula at position ${tok.pos}`, tok.pos, 1, 'unexpectedEnd');
    if (left && (tok.kind === 'num' || tok.kind === 'ident' || tok.kind === 'lparen')) {
      const leftText = source.slice(left.start, left.end);
      const rightText = tok.kind === 'lparen' ? '(...)' : tok.text;
      const fix = leftText.length + rightText.length <= 24 ? `${leftText}*${rightText}` : '';
      const hint = fix ? `write ${fix}` : "insert '*'";
      return new FormulaError(
        `Missing operator before '${tok.text}' at position ${tok.pos}: implicit multiplication is not allowed, ${hint}`,
        tok.pos,
        tok.text.length,
        'implicitMultiplication',
        { token: tok.text, fix },
      );
    }
    const prev = tokens[k - 1];
    const hint = tok.text === '*' && prev?.text === '*' && prev.pos === tok.pos - 1 ? " (use ^ for powers, e.g. x^2)" : '';
    return new FormulaError(`Unexpected '${tok.text}' at position ${tok.pos}${hint}`, tok.pos, tok.text.length, hint ? 'powerOperator' : 'unexpectedToken', { token: tok.text });
  };

  const expect = (kind: Token['kind'], left: AstNode | undefined, opener?: Token): Token => {
    const tok = peek();
    if (tok.kind === kind) return next();
    if (tok.kind === 'end' && opener) {
      throw new FormulaError(`Missing ')' to close the '(' at position ${opener.pos}`, opener.pos, 1, 'missingClose');
    }
    throw unexpected(tok, left);
  };

  function parseExpr(): AstNode {
    let left = parseTerm();
    while (peek().text === '+' || peek().text === '-') {
      const op = next().text as '+' | '-';
      const right = parseTerm();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  function parseTerm(): AstNode {
    let left = parseUnary();
    while (peek().text === '*' || peek().text === '/') {
      const op = next().text as '*' | '/';
      const right = parseUnary();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  function parseUnary(): AstNode {
    const tok = peek();
    if (tok.text === '-' || tok.text === '+') {
      next();
      enter(tok);
      const arg = parseUnary();
      depth--;
      return { kind: 'unary', op: tok.text, arg, start: tok.pos, end: arg.end };
    }
    return parsePower();
  }

  function parsePower(): AstNode {
    const base = parsePrimary();
    if (peek().text !== '^') return base;
    enter(next());
    const exponent = parseUnary();
    depth--;
    return { kind: 'binary', op: '^', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  function parsePrimary(): AstNode {
    const tok = next();
    const span = { start: tok.pos, end: tok.pos + tok.text.length };
    if (tok.kind === 'num') return { kind: 'num', value: tok.value, text: tok.text, ...span };
    if (tok.kind === 'lparen') {
      enter(tok);
      const inner = parseExpr();
      const close = expect('rparen', inner, tok);
      depth--;
      // Keep the brackets in the span so "write (x+1)*y" hints quote them.
      return { ...inner, start: tok.pos, end: close.pos + 1 };
    }
    if (tok.kind === 'ident') return parseName(tok, span);
    k--;
    throw unexpected(tok);
  }

  function parseName(tok: Token, span: { start: number; end: number }): AstNode {
    const name = tok.text;
    if (name === 'x' || name === 'y') return { kind: 'var', name, ...span };
    if (name === 'pi' || name === 'e') return { kind: 'const', name, ...span };
    const index = params.indexOf(name);
    if (index >= 0) return { kind: 'param', index, name, ...span };
    const arity = (UNARY_FUNCTIONS as readonly string[]).includes(name)
      ? 1
      : (BINARY_FUNCTIONS as readonly string[]).includes(name)
        ? 2
        : 0;
    if (arity === 0) {
      if (peek().kind === 'lparen') {
        throw new FormulaError(`Unknown function '${name}' at position ${tok.pos}`, tok.pos, name.length, 'unknownFunction', { name });
      }
      const xy = /^[xy]+$/.test(name) ? ` (did you mean ${name.split('').join('*')}?)` : '';
      throw new FormulaError(`Unknown name '${name}' at position ${tok.pos}${xy}`, tok.pos, name.length, 'unknownName', { name, suggestion: xy ? name.split('').join('*') : '' });
    }
    const open = peek();
    if (open.kind !== 'lparen') {
      const arg = open.kind === 'num' || open.kind === 'ident' ? open.text : '...';
      throw new FormulaError(
        `Expected '(' after '${name}' at position ${open.pos}: write ${name}(${arg})`,
        open.pos,
        Math.max(1, open.text.length),
        'expectedParen',
        { name, fix: `${name}(${arg})` },
      );
    }
    enter(next());
    const args: AstNode[] = [];
    if (peek().kind !== 'rparen') {
      args.push(parseExpr());
      while (peek().kind === 'comma') {
        next();
        args.push(parseExpr());
      }
    }
    const close = expect('rparen', args[args.length - 1], open);
    depth--;
    if (args.length !== arity) {
      const plural = arity === 1 ? 'argument' : 'arguments';
      throw new FormulaError(`${name} expects ${arity} ${plural}, got ${args.length}`, tok.pos, close.pos + 1 - tok.pos, 'arity', { name, expected: arity, got: args.length });
    }
    return { kind: 'call', fn: name as FunctionName, args, start: tok.pos, end: close.pos + 1 };
  }

  const tree = parseExpr();
  const rest = peek();
  if (rest.kind !== 'end') throw unexpected(rest, tree);
  return tree;
}
