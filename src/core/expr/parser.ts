import { BINARY_FUNCTIONS, UNARY_FUNCTIONS, type AstNode, type FunctionName } from './ast';
import { FormulaError } from './errors';
import { tokenize, type Token } from './tokenizer';

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
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new FormulaError('The formula is empty', 0, 1, 'empty');
  let k = 0;
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
      const arg = parseUnary();
      return { kind: 'unary', op: tok.text, arg, start: tok.pos, end: arg.end };
    }
    return parsePower();
  }

  function parsePower(): AstNode {
    const base = parsePrimary();
    if (peek().text !== '^') return base;
    next();
    const exponent = parseUnary();
    return { kind: 'binary', op: '^', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  function parsePrimary(): AstNode {
    const tok = next();
    const span = { start: tok.pos, end: tok.pos + tok.text.length };
    if (tok.kind === 'num') return { kind: 'num', value: tok.value, text: tok.text, ...span };
    if (tok.kind === 'lparen') {
      const inner = parseExpr();
      const close = expect('rparen', inner, tok);
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
    next();
    const args: AstNode[] = [];
    if (peek().kind !== 'rparen') {
      args.push(parseExpr());
      while (peek().kind === 'comma') {
        next();
        args.push(parseExpr());
      }
    }
    const close = expect('rparen', args[args.length - 1], open);
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
