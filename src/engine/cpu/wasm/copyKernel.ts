/**
 * Copies between a block's float32 lanes and the population's arrays (./layout's descriptor
 * says where those are), as scalar wasm functions beside each kernel: JS loops doing the same
 * run interpreted for the first calls of a fresh worker (measured: the first gather of 32K runs
 * took ~30 ms before V8 optimized it), wasm is compiled before it runs. Lane j holds run
 * i = runs[j]; the values are float32 already, so float64 → float32 → float64 is exact.
 *
 *   gather(base, n)          lanes [0, n) ← every field and the kernel's state slots of their runs
 *   scatter(base, n) → dead  runs ← x, y, f, ‖g‖, g, code, step of lanes [0, n); returns how many
 *                            of those lanes are frozen (a diverged code)
 *   store(base, from, to)    runs' state slots ← lanes [from, to)
 */
import { DIVERGED_NAN } from '../../../core/simulate/status';
import { Code, Op, VOID, type FuncSpec } from './emit';
import { DESC, type Field, type KernelLayout } from './layout';
import { Locals } from './vector';

/** f64 arrays of the population and their lane fields (gx/gy come from grad, interleaved). */
const F64_FIELDS: [keyof typeof DESC, Field][] = [['x', 'x'], ['y', 'y'], ['loss', 'f'], ['gradNorm', 'gn']];

/** A loop over lanes [from, to) with `a` = base + 4j and `i` = runs[j]; `body` per lane. */
function laneLoop(c: Code, L: KernelLayout, base: number, from: number, to: number, locals: Locals, body: (a: number, i: number) => void): void {
  const a = locals.i32();
  const end = locals.i32();
  const i = locals.i32();
  c.get(base).get(from).i32(2).op(Op.i32Shl, Op.i32Add).set(a);
  c.get(base).get(to).i32(2).op(Op.i32Shl, Op.i32Add).set(end);
  c.op(Op.block, VOID, Op.loop, VOID);
  c.get(a).get(end).op(Op.i32GeU, Op.brIf, 1);
  c.get(a).mem(Op.i32Load, 2, L.runsAt).set(i);
  body(a, i);
  c.get(a).i32(4).op(Op.i32Add).set(a);
  c.op(Op.br, 0, Op.end, Op.end);
}

/** Loads descriptor entry `name` into a fresh local. */
function desc(c: Code, L: KernelLayout, locals: Locals, name: keyof typeof DESC): number {
  const l = locals.i32();
  c.i32(0).mem(Op.i32Load, 2, L.descAt + 4 * DESC[name]).set(l);
  return l;
}

/** Pushes the byte address of element i of the array whose start is in local `at`. */
function element(c: Code, at: number, i: number, log2Size: number): Code {
  c.get(at).get(i);
  if (log2Size > 0) c.i32(log2Size).op(Op.i32Shl);
  return c.op(Op.i32Add);
}

/** Pushes the byte address of run i's state (stateBuf + 8 · stateAt[i]). */
function stateBase(c: Code, stateBuf: number, stateAt: number, i: number): Code {
  c.get(stateBuf);
  element(c, stateAt, i, 2).mem(Op.i32Load, 2, 0).i32(3).op(Op.i32Shl);
  return c.op(Op.i32Add);
}

/** The three copy functions for a kernel with state `slots`. */
export function copyFunctions(L: KernelLayout, slots: readonly number[]): FuncSpec[] {
  const gather = (): FuncSpec => {
    const locals = new Locals(2);
    const c = new Code();
    const d = Object.fromEntries((Object.keys(DESC) as (keyof typeof DESC)[]).map((k) => [k, desc(c, L, locals, k)])) as Record<keyof typeof DESC, number>;
    const zero = locals.i32();
    c.i32(0).set(zero);
    const sb = locals.i32();
    laneLoop(c, L, 0, zero, 1, locals, (a, i) => {
      for (const [arr, field] of F64_FIELDS) {
        c.get(a);
        element(c, d[arr], i, 3).mem(Op.f64Load, 3, 0).op(Op.f32DemoteF64).mem(Op.f32Store, 2, L.fieldAt(field));
      }
      c.get(a);
      element(c, d.grad, i, 4).mem(Op.f64Load, 3, 0).op(Op.f32DemoteF64).mem(Op.f32Store, 2, L.fieldAt('gx'));
      c.get(a);
      element(c, d.grad, i, 4).mem(Op.f64Load, 3, 8).op(Op.f32DemoteF64).mem(Op.f32Store, 2, L.fieldAt('gy'));
      c.get(a);
      element(c, d.code, i, 0).mem(Op.i32Load8U, 0, 0).mem(Op.i32Store, 2, L.fieldAt('code'));
      c.get(a);
      element(c, d.codeStep, i, 2).mem(Op.i32Load, 2, 0).mem(Op.i32Store, 2, L.fieldAt('step'));
      stateBase(c, d.stateBuf, d.stateAt, i).set(sb);
      for (const k of slots) c.get(a).get(sb).mem(Op.f64Load, 3, 8 * k).op(Op.f32DemoteF64).mem(Op.f32Store, 2, L.stateAt(k));
    });
    return { name: 'gather', params: 2, locals: locals.declarations(), body: c };
  };

  const scatter = (): FuncSpec => {
    const locals = new Locals(2);
    const c = new Code();
    const d = Object.fromEntries((Object.keys(DESC) as (keyof typeof DESC)[]).map((k) => [k, desc(c, L, locals, k)])) as Record<keyof typeof DESC, number>;
    const zero = locals.i32();
    const dead = locals.i32();
    const code = locals.i32();
    c.i32(0).set(zero).i32(0).set(dead);
    laneLoop(c, L, 0, zero, 1, locals, (a, i) => {
      for (const [arr, field] of F64_FIELDS) {
        element(c, d[arr], i, 3).get(a).mem(Op.f32Load, 2, L.fieldAt(field)).op(Op.f64PromoteF32).mem(Op.f64Store, 3, 0);
      }
      element(c, d.grad, i, 4).get(a).mem(Op.f32Load, 2, L.fieldAt('gx')).op(Op.f64PromoteF32).mem(Op.f64Store, 3, 0);
      element(c, d.grad, i, 4).get(a).mem(Op.f32Load, 2, L.fieldAt('gy')).op(Op.f64PromoteF32).mem(Op.f64Store, 3, 8);
      element(c, d.code, i, 0).get(a).mem(Op.i32Load, 2, L.fieldAt('code')).tee(code).mem(Op.i32Store8, 0, 0);
      element(c, d.codeStep, i, 2).get(a).mem(Op.i32Load, 2, L.fieldAt('step')).mem(Op.i32Store, 2, 0);
      // Frozen lanes: codes ≥ DIVERGED_NAN.
      c.get(dead).get(code).i32(DIVERGED_NAN).op(Op.i32GeU, Op.i32Add).set(dead);
    });
    c.get(dead);
    return { name: 'scatter', params: 2, returnsI32: true, locals: locals.declarations(), body: c };
  };

  const store = (): FuncSpec => {
    const locals = new Locals(3);
    const c = new Code();
    const stateBuf = desc(c, L, locals, 'stateBuf');
    const stateAt = desc(c, L, locals, 'stateAt');
    const sb = locals.i32();
    laneLoop(c, L, 0, 1, 2, locals, (a, i) => {
      stateBase(c, stateBuf, stateAt, i).set(sb);
      for (const k of slots) c.get(sb).get(a).mem(Op.f32Load, 2, L.stateAt(k)).op(Op.f64PromoteF32).mem(Op.f64Store, 3, 8 * k);
    });
    return { name: 'store', params: 3, locals: locals.declarations(), body: c };
  };

  return [gather(), scatter(), store()];
}
