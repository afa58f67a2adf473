import type { AstNode } from './ast';
import type { IrBuilder, IrNode } from './ir';

/** Lowers the surface tree to interned IR (pi and e become constants, unary plus vanishes). */
export function astToIr(node: AstNode, b: IrBuilder): IrNode {
  switch (node.kind) {
    case 'num':
      return b.num(node.value);
    case 'var':
      return node.name === 'x' ? b.x() : b.y();
    case 'param':
      return b.param(node.index);
    case 'const':
      return b.num(node.name === 'pi' ? Math.PI : Math.E);
    case 'unary': {
      const arg = astToIr(node.arg, b);
      return node.op === '-' ? b.neg(arg) : arg;
    }
    case 'binary': {
      const l = astToIr(node.left, b);
      const r = astToIr(node.right, b);
      switch (node.op) {
        case '+': return b.add(l, r);
        case '-': return b.sub(l, r);
        case '*': return b.mul(l, r);
        case '/': return b.div(l, r);
        case '^': return b.pow(l, r);
      }
      break;
    }
    case 'call': {
      const args = node.args.map((a) => astToIr(a, b));
      if (node.fn === 'min' || node.fn === 'max') return b.minmax(node.fn, args[0], args[1]);
      return b.call1(node.fn, args[0]);
    }
  }
  throw new Error('unreachable');
}

/**
 * Symbolic derivative of `node` with respect to x or y. Memoised per node id, so shared
 * subexpressions are differentiated once and the result stays shared.
 *
 * Non-smooth points take one-sided choices, made with selge (a >= b ? t : f):
 * - abs'(u) = u >= 0 ? 1 : -1 (so abs'(0) = +1, a valid subgradient);
 * - min(a, b)' = a <= b ? a' : b', max(a, b)' = a >= b ? a' : b' (ties pick the FIRST argument).
 */
export function differentiate(root: IrNode, wrt: 'x' | 'y', b: IrBuilder): IrNode {
  const memo = new Map<number, IrNode>();
  const d = (n: IrNode): IrNode => {
    const hit = memo.get(n.id);
    if (hit) return hit;
    const r = rule(n);
    memo.set(n.id, r);
    return r;
  };
  const rule = (n: IrNode): IrNode => {
    const [u, v] = n.args;
    switch (n.op) {
      case 'const':
      case 'param':
        return b.num(0);
      case 'x':
      case 'y':
        return b.num(n.op === wrt ? 1 : 0);
      case 'add': return b.add(d(u), d(v));
      case 'sub': return b.sub(d(u), d(v));
      case 'neg': return b.neg(d(u));
      case 'mul': return b.add(b.mul(d(u), v), b.mul(u, d(v)));
      // (u/v)' = (u' - (u/v) v') / v reuses the quotient the value already computed.
      case 'div': return b.div(b.sub(d(u), b.mul(n, d(v))), v);
      case 'pow': {
        if (v.op === 'const') {
          return b.mul(b.mul(v, b.pow(u, b.num(v.value - 1))), d(u));
        }
        // (u^v)' = u^v (v' log u + v u'/u); the u'/u term drops when u is constant.
        const du = d(u);
        const inner = b.add(b.mul(d(v), b.call1('log', u)), b.div(b.mul(v, du), u));
        return b.mul(n, inner);
      }
      case 'sqrt': return b.mul(b.div(b.num(0.5), n), d(u));
      case 'abs': {
        const du = d(u);
        return b.selge(u, b.num(0), du, b.neg(du));
      }
      case 'sin': return b.mul(b.call1('cos', u), d(u));
      case 'cos': return b.neg(b.mul(b.call1('sin', u), d(u)));
      case 'tan': {
        const c = b.call1('cos', u);
        return b.div(d(u), b.mul(c, c));
      }
      case 'exp': return b.mul(n, d(u));
      case 'log': return b.div(d(u), u);
      case 'tanh': return b.mul(b.sub(b.num(1), b.mul(n, n)), d(u));
      case 'min': return b.selge(v, u, d(u), d(v));
      case 'max': return b.selge(u, v, d(u), d(v));
      case 'selge': return b.selge(u, v, d(n.args[2]), d(n.args[3]));
    }
  };
  return d(root);
}
