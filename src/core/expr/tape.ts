import { TRANSCENDENTAL_OPS, type IrNode, type IrOp } from './ir';

/**
 * Opcodes of the register machine. Every instruction writes the register with its own index
 * (SSA), so the tape needs no destination field.
 */
export const Op = {
  x: 0, y: 1, param: 2, const: 3,
  add: 4, sub: 5, mul: 6, div: 7, neg: 8,
  sqrt: 9, abs: 10, sin: 11, cos: 12, tan: 13, exp: 14, log: 15, tanh: 16,
  min: 17, max: 18, selge: 19,
} as const satisfies Partial<Record<IrOp, number>>;

/** Name of each opcode, for the WGSL emitter and debugging. */
export const OP_NAMES: readonly string[] = Object.keys(Op);

/**
 * A flat instruction tape: register i holds the value of instruction i. Registers
 * [0, computeStart) are inputs and constants (x, y, params, literals), written before the loop;
 * [computeStart, length) are computed in order. f, gx and gy share one tape.
 */
export interface Tape {
  readonly length: number;
  readonly ops: Uint8Array;
  /** Operand registers (a, b: binary ops; c, d: the true/false values of selge). */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Int32Array;
  readonly d: Int32Array;
  /** Constant value for Op.const, param index for Op.param. */
  readonly imm: Float64Array;
  readonly computeStart: number;
  /** Registers of f, df/dx, df/dy. */
  readonly out: readonly [number, number, number];
  readonly transcendental: boolean;
}

const LEAF_RANK: Partial<Record<IrOp, number>> = { x: 0, y: 1, param: 2, const: 3 };

/**
 * Flattens the (lowered, pow-free) IR of f, gx, gy into one tape. Leaves go first in a fixed
 * order (x, y, params by index, constants by first use) so the run loops start at computeStart;
 * computed nodes follow in depth-first post-order from f, then gx, then gy. Interning already
 * merged equal subexpressions, so each appears once.
 */
export function buildTape(roots: readonly [IrNode, IrNode, IrNode]): Tape {
  const leaves: IrNode[] = [];
  const computed: IrNode[] = [];
  const seen = new Set<number>();
  const visit = (n: IrNode): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    for (const a of n.args) visit(a);
    (n.op in LEAF_RANK ? leaves : computed).push(n);
  };
  roots.forEach(visit);
  leaves.sort((p, q) => {
    const r = (LEAF_RANK[p.op] ?? 0) - (LEAF_RANK[q.op] ?? 0);
    return r !== 0 ? r : p.op === 'param' ? p.value - q.value : 0;
  });
  const order = [...leaves, ...computed];
  const reg = new Map<number, number>();
  order.forEach((n, i) => reg.set(n.id, i));

  const len = order.length;
  const tape = {
    length: len,
    ops: new Uint8Array(len),
    a: new Int32Array(len),
    b: new Int32Array(len),
    c: new Int32Array(len),
    d: new Int32Array(len),
    imm: new Float64Array(len),
    computeStart: leaves.length,
    out: roots.map((r) => reg.get(r.id) ?? 0) as [number, number, number],
    transcendental: computed.some((n) => TRANSCENDENTAL_OPS.has(n.op)),
  };
  order.forEach((n, i) => {
    const code = (Op as Partial<Record<IrOp, number>>)[n.op];
    if (code === undefined) throw new Error(`IR op '${n.op}' must be lowered before building a tape`);
    tape.ops[i] = code;
    tape.imm[i] = n.value;
    const [a, b, c, d] = n.args.map((arg) => reg.get(arg.id) ?? 0);
    tape.a[i] = a ?? 0;
    tape.b[i] = b ?? 0;
    tape.c[i] = c ?? 0;
    tape.d[i] = d ?? 0;
  });
  return tape;
}
