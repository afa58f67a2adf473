import type { AstNode } from './ast';

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda',
  'mu', 'nu', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

/** LaTeX for a parameter name: `a`, `\kappa`, `a_{1}`, `\mathrm{rate}`. */
export function latexName(name: string): string {
  if (name.length === 1) return name;
  if (GREEK.has(name)) return `\\${name}`;
  const sub = /^([A-Za-z]+)_?([0-9]+)$/.exec(name);
  if (sub) return `${latexName(sub[1])}_{${sub[2]}}`;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

/** Binding strength used to decide where brackets are needed. */
function precedence(n: AstNode): number {
  if (n.kind === 'binary') return n.op === '+' || n.op === '-' ? 1 : n.op === '^' ? 4 : 2;
  if (n.kind === 'unary') return 3;
  return 5;
}

const paren = (s: string): string => `\\left(${s}\\right)`;

function number(text: string): string {
  const m = /^([0-9.]*)[eE]([+-]?)([0-9]+)$/.exec(text);
  if (!m) return text;
  const exp = `${m[2] === '-' ? '-' : ''}${m[3].replace(/^0+(?=\d)/, '')}`;
  return `${m[1]} \\times 10^{${exp}}`;
}

const FN_LATEX: Readonly<Record<string, string>> = {
  sin: '\\sin', cos: '\\cos', tan: '\\tan', exp: '\\exp', log: '\\log', tanh: '\\tanh', min: '\\min', max: '\\max',
};

/**
 * LaTeX of the formula as written (for KaTeX). Brackets come from precedence, so redundant
 * ones the user typed are dropped; a/b becomes \frac unless either side is itself a fraction
 * (nested fractions get unreadable at the sizes the UI shows).
 */
export function toLatex(n: AstNode): string {
  switch (n.kind) {
    case 'num':
      return number(n.text);
    case 'var':
      return n.name;
    case 'const':
      return n.name === 'pi' ? '\\pi' : 'e';
    case 'param':
      return latexName(n.name);
    case 'unary': {
      const inner = toLatex(n.arg);
      if (n.op === '+') return inner;
      return `-${precedence(n.arg) <= 1 || n.arg.kind === 'unary' ? paren(inner) : inner}`;
    }
    case 'call': {
      const args = n.args.map(toLatex);
      if (n.fn === 'sqrt') return `\\sqrt{${args[0]}}`;
      if (n.fn === 'abs') return `\\left|${args[0]}\\right|`;
      return `${FN_LATEX[n.fn]}${paren(args.join(', '))}`;
    }
    case 'binary':
      return binary(n);
  }
}

function binary(n: Extract<AstNode, { kind: 'binary' }>): string {
  const { op, left, right } = n;
  if (op === '^') {
    const base = toLatex(left);
    const atom = left.kind === 'var' || left.kind === 'param' || left.kind === 'const' ||
      (left.kind === 'num' && !/[eE]/.test(left.text));
    return `${atom ? base : paren(base)}^{${toLatex(right)}}`;
  }
  const isFrac = (m: AstNode): boolean => m.kind === 'binary' && m.op === '/';
  if (op === '/' && !isFrac(left) && !isFrac(right)) {
    return `\\frac{${toLatex(left)}}{${toLatex(right)}}`;
  }
  const p = precedence(n);
  const l = toLatex(left);
  let r = toLatex(right);
  const lp = precedence(left) < p ? paren(l) : l;
  // Right operands of - and / (and anything of equal rank, since these ops associate left) need
  // brackets; a leading minus on the right also reads badly after an operator.
  if (precedence(right) <= p && right.kind !== 'unary') r = paren(r);
  else if (right.kind === 'unary' && right.op === '-') r = paren(r);
  if (op === '*') {
    // "2 x" and "2 \left(...\right)" read naturally; between two non-numbers use \cdot.
    const juxtapose = left.kind === 'num' && !/[eE]/.test(left.text) && right.kind !== 'num' && !r.startsWith('\\left(-') && r[0] !== '-';
    return juxtapose ? `${lp} ${r}` : `${lp} \\cdot ${r}`;
  }
  return `${lp} ${op === '/' ? '/' : op} ${r}`;
}
