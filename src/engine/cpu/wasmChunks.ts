/**
 * Population chunks through wasm kernels (./wasm), f32 mode only (every value is a float32, so
 * copies between the population's float64 arrays and the kernels' float32 lanes are exact).
 * With kernels, the population's arrays live in the kernels' memory (./populationArrays).
 *
 * Each chunk has a block of lanes in wasm memory that stays there between advance() calls: the
 * runs are gathered once, and after each call only what readers of the population use every
 * time (x, y, loss, ‖g‖, gradient, status) is written back; the optimizer state stays in the
 * block and reaches the population's stateBuf when someone needs it (state(i), a retune that
 * changes the kernel, a restart, the JS path taking the chunk). Releasing a block writes its
 * state back; a released block is gathered again on its next wasm call.
 *
 * A block holds the chunk's runs that are not recorded (those need a callback after every step,
 * so the JS path steps them) and not diverged; they must share one origin (the kernel has one t
 * per step), else the chunk stays on the JS path. A block is gathered again when the recorded
 * count changes or a quarter of its lanes have diverged (frozen lanes still cost compute).
 */
import type { Tape } from '../../core/expr/tape';
import type { PreparedRun } from '../../core/simulate/prepare';
import { isDiverged } from '../../core/simulate/status';
import { placeArrays, type PopulationArrays } from './populationArrays';
import type { CpuKernel } from './protocol';
import { WasmStepper, type WasmKernel } from './wasm/stepper';

/** What kernels are built from (values rounded by the population), and its size. */
export interface WasmSource {
  readonly tape: Tape;
  readonly params: ArrayLike<number>;
  readonly bound: number;
  readonly gradTol: number;
  /** Runs per chunk, chunks, the largest optimizer state. */
  readonly lanes: number;
  readonly blocks: number;
  readonly maxStride: number;
  /** v128 groups per kernel iteration (tests and tuning; default the kernel's). */
  readonly groups?: number;
}

/** One chunk's block: which runs its lanes hold (when valid) and what they were gathered for. */
interface Block {
  valid: boolean;
  /** The state in the lanes is newer than stateBuf. */
  dirty: boolean;
  kernel: WasmKernel | null;
  recordCount: number;
  origin: number;
  /** Lanes in use and how many of them are frozen. */
  n: number;
  dead: number;
}

export class WasmChunks {
  /** The population's arrays (in the kernels' memory when there are kernels). */
  readonly arrays: PopulationArrays;
  /** The kernels' memory and instances, or why this population has none. */
  private readonly stepper: WasmStepper | string;
  /** Kernel (or why none) per prepared template: a retune brings new PreparedRun objects. */
  private readonly kernels = new WeakMap<PreparedRun, WasmKernel | string>();
  private readonly blocks: Block[] = [];

  /**
   * Arrays for `runs` runs with `stateSize` state values in all. `src` is a string (why not,
   * e.g. 'f64 mode') when the population must not use wasm.
   */
  constructor(runs: number, stateSize: number, src: WasmSource | string) {
    let stepper: WasmStepper | string = typeof src === 'string' ? src : (WasmStepper.unsupported(src.tape) ?? '');
    if (stepper === '' && typeof src !== 'string') {
      try {
        stepper = new WasmStepper(src.tape, src.params, src.bound, src.gradTol, src.lanes, src.maxStride, src.blocks, runs, stateSize, src.groups);
      } catch (e) {
        // A memory too large for wasm32 (4 GiB) or for the tab: the JS path needs less.
        stepper = `no wasm memory for ${runs} runs: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    this.stepper = stepper;
    this.arrays = typeof stepper === 'string' ? placeArrays(runs, stateSize) : stepper.arrays;
  }

  /** The kernel for template `run` (compiled on first use), or why it runs on the JS path. */
  kernelFor(run: PreparedRun): WasmKernel | string {
    if (typeof this.stepper === 'string') return this.stepper;
    let k = this.kernels.get(run);
    if (k === undefined) {
      k = this.stepper.kernelFor(run);
      this.kernels.set(run, k);
    }
    return k;
  }

  /** 'wasm-simd' when every template has a kernel, 'js' when none, else 'mixed'. */
  kind(templates: readonly PreparedRun[]): CpuKernel {
    const n = templates.filter((t) => typeof this.kernelFor(t) !== 'string').length;
    return n === templates.length ? 'wasm-simd' : n === 0 ? 'js' : 'mixed';
  }

  /** Why templates run on the JS path (distinct reasons; empty when all have kernels). */
  notes(templates: readonly PreparedRun[]): string[] {
    return [...new Set(templates.map((t) => this.kernelFor(t)).filter((k) => typeof k === 'string'))];
  }

  /**
   * Steps the runs of chunk b (runs[c, c + m) of template `run`) with index ≥ recordCount and
   * not diverged by `take` steps from global step k0. Returns false (nothing done, block
   * released) when the template has no kernel or those runs' origins differ: the JS path then
   * steps them.
   */
  advance(b: number, run: PreparedRun, runs: Int32Array, c: number, m: number, k0: number, take: number, recordCount: number, restarted: boolean): boolean {
    const kernel = this.kernelFor(run);
    if (typeof kernel === 'string') {
      this.release(b);
      return false;
    }
    let blk = this.blocks[b];
    if (blk?.valid && (blk.kernel !== kernel || blk.recordCount !== recordCount || 4 * blk.dead > blk.n)) this.release(b);
    if (!blk?.valid) {
      if (!this.gather(b, kernel, runs, c, m, recordCount, restarted)) return false;
      blk = this.blocks[b];
    }
    if (blk.n > 0) {
      kernel.run(run, b, blk.n, take, k0 + 1 - blk.origin);
      blk.dead = kernel.scatter(b, blk.n);
      blk.dirty = true;
    }
    return true;
  }

  /** Writes block b's state back to stateBuf and lets its runs go (no-op when not valid). */
  release(b: number): void {
    const blk = this.blocks[b];
    if (!blk?.valid) return;
    if (blk.dirty) blk.kernel!.store(b, 0, blk.n);
    blk.valid = false;
    blk.dirty = false;
  }

  /** Releases every block; `keep` false drops their state (the caller overwrites it). */
  releaseAll(keep = true): void {
    for (let b = 0; b < this.blocks.length; b++) {
      if (!keep && this.blocks[b]) this.blocks[b].dirty = false;
      this.release(b);
    }
  }

  /** Brings run i's state up to date in stateBuf; b is its chunk (its state may be in block b). */
  syncState(i: number, b: number): void {
    const blk = this.blocks[b];
    if (!blk?.valid || !blk.dirty) return;
    const j = (this.stepper as WasmStepper).block(b).runs.subarray(0, blk.n).indexOf(i);
    if (j >= 0) blk.kernel!.store(b, j, j + 1);
  }

  /** Gathers chunk b's steppable runs into its block; false when their origins differ. */
  private gather(b: number, kernel: WasmKernel, runs: Int32Array, c: number, m: number, recordCount: number, restarted: boolean): boolean {
    const { code, origins } = this.arrays;
    const list = (this.stepper as WasmStepper).block(b).runs;
    let n = 0;
    let o = 0;
    for (let q = 0; q < m; q++) {
      const i = runs[c + q];
      if (i < recordCount || isDiverged(code[i])) continue;
      if (restarted) {
        if (n === 0) o = origins[i];
        else if (origins[i] !== o) return false;
      }
      list[n++] = i;
    }
    kernel.gather(b, n);
    this.blocks[b] = { valid: true, dirty: false, kernel, recordCount, origin: o, n, dead: 0 };
    return true;
  }
}
