/**
 * The runtime side of the wasm kernels for one population: one memory (./layout: pool,
 * learning-rate table, a block of lanes per chunk plus a scratch block), a kernel instance per
 * template configuration, compiled once and cached, and the call that fills the pool and the
 * learning-rate table and steps a block.
 *
 * Compilation is synchronous (`new WebAssembly.Module`), so the population's constructor stays
 * synchronous. That can fail: no WebAssembly or no SIMD, or Chrome's main thread, which refuses
 * synchronous compilation of modules over 4 KB. Any failure is caught and the template stays on
 * the JS path with the reason. Workers compile at any size.
 */
import type { Tape } from '../../../core/expr/tape';
import { roundF32Ftz } from '../../../core/f32';
import type { PreparedRun } from '../../../core/simulate/prepare';
import { DIVERGED_NAN } from '../../../core/simulate/status';
import { buildKernel, GROUPS, kernelKey, type KernelCode, type KernelSource } from './kernel';
import { arraysBytes, placeArrays, type PopulationArrays } from '../populationArrays';
import { DESC, KernelLayout, LR_CAPACITY } from './layout';
import { optimizerPlan } from './optimizerKernels';
import { tapeUnsupported } from './tapeKernel';

/** Compiled modules by kernel key, shared by populations (a worker reconfigures often). */
const modules = new Map<string, WebAssembly.Module>();
const MAX_MODULES = 64;

/**
 * out[s] = r(lr · m[t + s]) for s < count: the learning rate of each step as the JS path's
 * LaneUpdate computes it (rounded and flushed: a subnormal product is 0).
 */
export function fillLrTable(out: Float32Array, run: Pick<PreparedRun, 'lr' | 'm'>, t: number, count: number): void {
  for (let s = 0; s < count; s++) out[s] = roundF32Ftz(run.lr * run.m[t + s]);
}

/** The lane arrays of one block (views into the memory). */
export interface BlockLanes {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly f: Float32Array;
  readonly gx: Float32Array;
  readonly gy: Float32Array;
  readonly gn: Float32Array;
  readonly code: Int32Array;
  readonly step: Int32Array;
  /** By state slot index. */
  readonly state: readonly Float32Array[];
  /** The run each lane holds. */
  readonly runs: Int32Array;
}

type KernelFn = (base: number, n: number, take: number, t0: number) => void;
type CopyFn = (base: number, n: number) => number;
type StoreFn = (base: number, from: number, to: number) => void;

/** A ready kernel for one template configuration. */
export class WasmKernel {
  /** The state slots it reads and writes. */
  readonly slots: Int32Array;
  /** Lanes per loop iteration (4 · groups). */
  readonly lanesPerIteration: number;
  private readonly code: KernelCode;
  private readonly fn: KernelFn;
  private readonly gatherFn: CopyFn;
  private readonly scatterFn: CopyFn;
  private readonly storeFn: StoreFn;
  private readonly stepper: WasmStepper;

  constructor(stepper: WasmStepper, code: KernelCode, instance: WebAssembly.Instance) {
    this.stepper = stepper;
    this.code = code;
    this.slots = Int32Array.from(code.slots);
    this.lanesPerIteration = code.lanesPerIteration;
    const e = instance.exports;
    this.fn = e.run as KernelFn;
    this.gatherFn = e.gather as CopyFn;
    this.scatterFn = e.scatter as CopyFn;
    this.storeFn = e.store as StoreFn;
  }

  /** Block b's lanes [0, n) ← their runs (block b's run list) from the population's arrays. */
  gather(b: number, n: number): void {
    this.gatherFn(this.stepper.layout.blockAt(b), n);
  }

  /** The runs of block b's lanes [0, n) ← x, y, f, ‖g‖, g, code, step; returns how many are frozen. */
  scatter(b: number, n: number): number {
    return this.scatterFn(this.stepper.layout.blockAt(b), n);
  }

  /** The state slots of the runs of block b's lanes [from, to) ← the lanes. */
  store(b: number, from: number, to: number): void {
    this.storeFn(this.stepper.layout.blockAt(b), from, to);
  }

  /**
   * Advances lanes [0, n) of block b (template `run`) by `take` steps; the first step has
   * t = t0 (the lanes' local step after it).
   */
  run(run: PreparedRun, b: number, n: number, take: number, t0: number): void {
    const S = this.stepper;
    const per = this.lanesPerIteration;
    const padded = Math.ceil(n / per) * per;
    // Padding lanes are frozen (a diverged code) and never read back.
    S.block(b).code.fill(DIVERGED_NAN, n, padded);
    this.code.consts.fillPool(S.pool, run);
    const base = S.layout.blockAt(b);
    for (let done = 0; done < take; ) {
      const piece = Math.min(LR_CAPACITY, take - done);
      const t = t0 + done;
      fillLrTable(S.lr, run, t, piece);
      this.fn(base, padded, piece, t);
      done += piece;
    }
  }

  /**
   * Runs the fresh kernel on placeholder lanes (zeros, lr 0) in the scratch block for
   * LR_CAPACITY steps. V8 first runs wasm with its baseline compiler and tiers a function up to
   * its optimizing compiler in the background once it has run enough; this starts that before
   * the first real call (measured in Chrome, 65,536 runs on 2 workers, 12 steps: first call
   * ~15 ms with, ~23 ms without; 6–7 ms later). Best effort: if the placeholder lanes diverge
   * at once nothing is warmed.
   */
  prime(run: PreparedRun): void {
    const S = this.stepper;
    const b = S.layout.blocks - 1;
    const lanes = S.block(b);
    const per = this.lanesPerIteration;
    for (const a of [lanes.x, lanes.y, lanes.gx, lanes.gy, lanes.f, lanes.gn, ...lanes.state]) a.fill(0, 0, per);
    lanes.code.fill(0, 0, per);
    S.lr.fill(0);
    this.code.consts.fillPool(S.pool, run);
    this.fn(S.layout.blockAt(b), per, LR_CAPACITY, 1);
  }
}

/** Wasm kernels of one population: the memory and per-configuration instances. */
export class WasmStepper {
  readonly layout: KernelLayout;
  readonly memory: WebAssembly.Memory;
  readonly pool: Float32Array;
  readonly lr: Float32Array;
  /** The population's arrays, in this memory (the kernels' copy functions reach them). */
  readonly arrays: PopulationArrays;
  private readonly views: BlockLanes[] = [];
  private readonly tape: Tape;
  private readonly params: ArrayLike<number>;
  private readonly bound: number;
  private readonly gradTol: number;
  /** Kernels (or why none) by kernel key. */
  private readonly kernels = new Map<string, WasmKernel | string>();
  private readonly groups: number | undefined;

  /**
   * `lanes`: runs per block; `blocks`: blocks the population needs (one scratch block is
   * added); `maxSlots`: largest optimizer state; `runs` and `stateSize`: the population's
   * size (its arrays live here). `bound`, `gradTol` and `params` are rounded already. `groups`
   * overrides the kernels' v128s per iteration (tests, tuning).
   */
  constructor(
    tape: Tape, params: ArrayLike<number>, bound: number, gradTol: number,
    lanes: number, maxSlots: number, blocks: number, runs: number, stateSize: number, groups?: number,
  ) {
    this.tape = tape;
    this.params = params;
    this.bound = bound;
    this.gradTol = gradTol;
    this.groups = groups;
    // 16 spare lanes: padding to a whole iteration never runs past a block.
    const L = (this.layout = new KernelLayout(lanes + 16, maxSlots, blocks + 1, arraysBytes(runs, stateSize)));
    // A fixed size: growing would detach every view (the population's arrays among them).
    if (L.pages > 65536) throw new Error(`${L.bytes} bytes exceed wasm32's 4 GiB`);
    this.memory = new WebAssembly.Memory({ initial: L.pages, maximum: L.pages });
    const buf = this.memory.buffer;
    this.pool = new Float32Array(buf, L.poolAt, (L.lrAt - L.poolAt) / 4);
    this.lr = new Float32Array(buf, L.lrAt, LR_CAPACITY);
    const a = (this.arrays = placeArrays(runs, stateSize, buf, L.populationAt));
    const desc = new Int32Array(buf, L.descAt, Object.keys(DESC).length);
    for (const [name, slot] of Object.entries(DESC)) desc[slot] = a[name as keyof typeof DESC].byteOffset;
  }

  /** Block b's lane arrays. */
  block(b: number): BlockLanes {
    let v = this.views[b];
    if (v === undefined) {
      const L = this.layout;
      const buf = this.memory.buffer;
      const at = L.blockAt(b);
      const f32 = (off: number): Float32Array => new Float32Array(buf, at + off, L.lanes);
      const i32 = (off: number): Int32Array => new Int32Array(buf, at + off, L.lanes);
      v = {
        x: f32(L.fieldAt('x')), y: f32(L.fieldAt('y')), f: f32(L.fieldAt('f')),
        gx: f32(L.fieldAt('gx')), gy: f32(L.fieldAt('gy')), gn: f32(L.fieldAt('gn')),
        code: i32(L.fieldAt('code')), step: i32(L.fieldAt('step')),
        state: Array.from({ length: L.maxSlots }, (_, k) => f32(L.stateAt(k))),
        runs: i32(L.runsAt),
      };
      this.views[b] = v;
    }
    return v;
  }

  /** Why a population with this tape cannot use wasm kernels at all, or null. */
  static unsupported(tape: Tape): string | null {
    if (typeof WebAssembly === 'undefined') return 'WebAssembly is not available';
    return tapeUnsupported(tape);
  }

  /** The kernel for `run`'s configuration, or why there is none (compiled on first use). */
  kernelFor(run: PreparedRun): WasmKernel | string {
    const plan = optimizerPlan(run);
    if (typeof plan === 'string') return plan;
    const src: KernelSource = {
      tape: this.tape, params: this.params, plan, clip: run.maxNorm > 0,
      bound: this.bound, gradTol: this.gradTol, layout: this.layout, groups: this.groups,
    };
    const key = kernelKey(src);
    let k = this.kernels.get(key);
    if (k === undefined) {
      k = this.compile(src, run);
      this.kernels.set(key, k);
    }
    return k;
  }

  /**
   * Compiles `src`; when that fails with several groups per iteration, tries one group: its
   * module is about half the size, under the 4 KB that Chrome's main thread compiles
   * synchronously for common templates (Adam on Rosenbrock: 2.6 KB).
   */
  private compile(src: KernelSource, run: PreparedRun): WasmKernel | string {
    const first = this.tryCompile(src, run);
    if (typeof first !== 'string' || (src.groups ?? GROUPS) === 1) return first;
    const second = this.tryCompile({ ...src, groups: 1 }, run);
    return typeof second === 'string' ? first : second;
  }

  private tryCompile(src: KernelSource, run: PreparedRun): WasmKernel | string {
    try {
      const code = buildKernel(src);
      const key = kernelKey(src);
      let mod = modules.get(key);
      const fresh = mod === undefined;
      if (mod === undefined) {
        mod = new WebAssembly.Module(code.bytes);
        if (modules.size >= MAX_MODULES) modules.delete(modules.keys().next().value!);
        modules.set(key, mod);
      }
      const kernel = new WasmKernel(this, code, new WebAssembly.Instance(mod, { env: { memory: this.memory } }));
      if (fresh) kernel.prime(run);
      return kernel;
    } catch (e) {
      return `wasm kernel unavailable: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}
