/**
 * The compiler's internal expression graph. Nodes are interned (hash-consed) by a builder, so
 * structurally equal subexpressions are the same object: that gives common-subexpression
 * sharing between f, df/dx and df/dy for free. The builder's constructors also simplify
 * (constant folding in float64, x*1, x+0, 0*x, --x, ...), so every node ever built is already
 * simplified.
 */

/** Operations of the IR. `pow` exists only before lowering (see ./lower). */
export type IrOp =
  | 'const' | 'x' | 'y' | 'param'
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow'
  | 'sqrt' | 'abs' | 'sin' | 'cos' | 'tan' | 'exp' | 'log' | 'tanh'
  | 'min' | 'max'
  /** selge(a, b, t, f) = a >= b ? t : f (WGSL select(f, t, a >= b)); derivatives of abs/min/max. */
  | 'selge';

/** An interned IR node. `value` is the constant for 'const', the index for 'param', else 0. */
export interface IrNode {
  readonly id: number;
  readonly op: IrOp;
  readonly args: readonly IrNode[];
  readonly value: number;
}

/** One-argument functions and how float64 folds them. */
export const UNARY_IR: Readonly<Record<string, (a: number) => number>> = {
  neg: (a) => -a,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  tanh: Math.tanh,
};

/** Ops whose float32 results are not correctly rounded on GPUs (parity by tolerance). */
export const TRANSCENDENTAL_OPS: ReadonlySet<IrOp> = new Set(['sin', 'cos', 'tan', 'exp', 'log', 'tanh']);

/**
 * Builds interned, simplified IR nodes. One builder per compiled formula.
 */
export class IrBuilder {
  private readonly table = new Map<string, IrNode>();
  private nextId = 0;

  /** Interns a node without simplifying (the constructors below call this last). */
  private intern(op: IrOp, args: readonly IrNode[], value = 0): IrNode {
    // Object.is keeps -0 apart from 0: they print and divide differently.
    const v = op === 'const' && Object.is(value, -0) ? '-0' : String(value);
    const key = `${op}|${v}|${args.map((a) => a.id).join(',')}`;
    let node = this.table.get(key);
    if (!node) {
      node = { id: this.nextId++, op, args, value };
      this.table.set(key, node);
    }
    return node;
  }

  num(value: number): IrNode {
    return this.intern('const', [], value);
  }
  x(): IrNode {
    return this.intern('x', []);
  }
  y(): IrNode {
    return this.intern('y', []);
  }
  param(index: number): IrNode {
    return this.intern('param', [], index);
  }

  add(a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold('add', [a, b], a.value + b.value);
    if (isValue(b, 0)) return a;
    if (isValue(a, 0)) return b;
    if (b.op === 'neg') return this.sub(a, b.args[0]);
    if (a.op === 'neg') return this.sub(b, a.args[0]);
    return this.intern('add', [a, b]);
  }

  sub(a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold('sub', [a, b], a.value - b.value);
    if (isValue(b, 0)) return a;
    if (isValue(a, 0)) return this.neg(b);
    if (a === b) return this.num(0);
    if (b.op === 'neg') return this.add(a, b.args[0]);
    return this.intern('sub', [a, b]);
  }

  mul(a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold('mul', [a, b], a.value * b.value);
    // 0*u = 0 even where u is Inf/NaN: the usual symbolic convention; it keeps gradients of
    // terms that do not depend on x from dragging log(x) etc. into the tape.
    if (isValue(a, 0) || isValue(b, 0)) return this.num(0);
    if (isValue(a, 1)) return b;
    if (isValue(b, 1)) return a;
    if (isValue(a, -1)) return this.neg(b);
    if (isValue(b, -1)) return this.neg(a);
    // Negation is exact in IEEE arithmetic, so moving it outward changes no bits.
    if (a.op === 'neg' && b.op === 'neg') return this.mul(a.args[0], b.args[0]);
    if (a.op === 'neg') return this.neg(this.mul(a.args[0], b));
    if (b.op === 'neg') return this.neg(this.mul(a, b.args[0]));
    return this.intern('mul', [a, b]);
  }

  div(a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold('div', [a, b], a.value / b.value);
    if (isValue(b, 1)) return a;
    if (isValue(b, -1)) return this.neg(a);
    if (isValue(a, 0)) return this.num(0);
    if (a.op === 'neg') return this.neg(this.div(a.args[0], b));
    if (b.op === 'neg') return this.neg(this.div(a, b.args[0]));
    return this.intern('div', [a, b]);
  }

  neg(a: IrNode): IrNode {
    if (isConst(a)) return this.num(-a.value);
    if (a.op === 'neg') return a.args[0];
    return this.intern('neg', [a]);
  }

  pow(a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold('pow', [a, b], Math.pow(a.value, b.value));
    if (isValue(b, 0)) return this.num(1);
    if (isValue(b, 1)) return a;
    return this.intern('pow', [a, b]);
  }

  /** sqrt, abs, sin, cos, tan, exp, log, tanh. */
  call1(op: IrOp, a: IrNode): IrNode {
    const f = UNARY_IR[op];
    if (!f || op === 'neg') throw new Error(`Not a one-argument function: ${op}`);
    if (isConst(a)) return this.fold(op, [a], f(a.value));
    if (op === 'abs' && a.op === 'abs') return a;
    return this.intern(op, [a]);
  }

  minmax(op: 'min' | 'max', a: IrNode, b: IrNode): IrNode {
    if (isConst(a) && isConst(b)) return this.fold(op, [a, b], Math[op](a.value, b.value));
    if (a === b) return a;
    return this.intern(op, [a, b]);
  }

  /** a >= b ? t : f. */
  selge(a: IrNode, b: IrNode, t: IrNode, f: IrNode): IrNode {
    if (t === f) return t;
    if (isConst(a) && isConst(b)) return a.value >= b.value ? t : f;
    return this.intern('selge', [a, b, t, f]);
  }

  /**
   * Folds to a constant only when the result is finite in float32 too: WGSL has no literal for
   * Inf/NaN, and an out-of-range f32 literal is a shader compile error. Otherwise the operation
   * stays in the tape and produces Inf/NaN at run time, on both CPU and GPU.
   */
  private fold(op: IrOp, args: readonly IrNode[], value: number): IrNode {
    return Number.isFinite(Math.fround(value)) ? this.num(value) : this.intern(op, args);
  }
}

/** True for constant nodes. */
export function isConst(n: IrNode): boolean {
  return n.op === 'const';
}

function isValue(n: IrNode, v: number): boolean {
  return n.op === 'const' && n.value === v;
}
