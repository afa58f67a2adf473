/**
 * Byte layout of the kernels' memory: the pool of runtime scalars, the per-step learning-rate
 * table, a descriptor of the population's arrays, one block of lanes per population chunk
 * (structure of arrays inside a block: one array per field, 4 bytes per lane, 16-byte aligned
 * so a group of 4 lanes is one v128 load), then the population's own arrays (float64 etc., as
 * Population exposes them), so kernels copy between the two without JS. Blocks persist between
 * calls (see ../wasmChunks); a kernel call steps one block, given its base address.
 *
 *   [0, 4·POOL_SLOTS)              pool: hyperparameters, formula constants and params, bound, gradTol
 *   lrAt + 4·s                     r(lr · m[t0 + s]) for s < LR_CAPACITY
 *   descAt + 4·DESC.name           byte address of a population array (i32)
 *   blockAt(b) + fieldAt(f) + 4·j  lane j of block b: x, y, f, gx, gy, gn (f32), code, step (i32)
 *   blockAt(b) + stateAt(k) + 4·j  lane j's optimizer state slot k (f32)
 *   blockAt(b) + runsAt + 4·j      lane j's run (i32 index into the population's arrays)
 *   populationAt ...               the population's arrays (../wasmChunks allocates them)
 */

/** Per-lane fields besides the optimizer state. code and step are i32, the rest f32. */
export const FIELDS = ['x', 'y', 'f', 'gx', 'gy', 'gn', 'code', 'step'] as const;
export type Field = (typeof FIELDS)[number];

/** Most pool values a kernel may use (formula constants and params included). */
export const POOL_SLOTS = 256;

/** Steps per kernel call (the learning-rate table's length); longer advances call again. */
export const LR_CAPACITY = 1024;

/** Descriptor slots: where each population array starts (f64 arrays, then i32, then u8). */
export const DESC = { x: 0, y: 1, loss: 2, gradNorm: 3, grad: 4, stateBuf: 5, codeStep: 6, stateAt: 7, origins: 8, code: 9 } as const;
const DESC_BYTES = 64;

const PAGE = 65536;

/** Offsets of one memory layout. */
export class KernelLayout {
  /** Lanes per block (a multiple of 16, so any group size up to 4 v128s divides it). */
  readonly lanes: number;
  readonly poolAt = 0;
  readonly lrAt = 4 * POOL_SLOTS;
  readonly maxSlots: number;
  readonly descAt = this.lrAt + 4 * LR_CAPACITY;
  readonly blocks: number;
  readonly blockBytes: number;
  /** Offset of the lanes' run indices from a block's start. */
  readonly runsAt: number;
  /** Where the population's arrays start, and the total bytes and 64 KiB pages. */
  readonly populationAt: number;
  readonly bytes: number;
  readonly pages: number;
  private readonly blocksAt = this.descAt + DESC_BYTES;

  /** `populationBytes`: room for the population's arrays after the blocks. */
  constructor(lanes: number, maxSlots: number, blocks = 1, populationBytes = 0) {
    if (!Number.isInteger(blocks) || blocks < 1) throw new Error(`KernelLayout: block count ${blocks} is not a positive integer`);
    this.lanes = Math.ceil(lanes / 16) * 16;
    this.maxSlots = maxSlots;
    this.blocks = blocks;
    this.runsAt = 4 * this.lanes * (FIELDS.length + maxSlots);
    this.blockBytes = this.runsAt + 4 * this.lanes;
    this.populationAt = this.blocksAt + blocks * this.blockBytes;
    this.bytes = this.populationAt + populationBytes;
    this.pages = Math.ceil(this.bytes / PAGE);
  }

  /** Byte address of block b's start. */
  blockAt(b: number): number {
    if (!Number.isInteger(b) || b < 0 || b >= this.blocks) throw new Error(`KernelLayout: block ${b} is not in 0..${this.blocks - 1}`);
    return this.blocksAt + b * this.blockBytes;
  }

  /** Offset of a field's lane 0 from its block's start. */
  fieldAt(name: Field): number {
    return 4 * this.lanes * FIELDS.indexOf(name);
  }

  /** Offset of state slot `slot`'s lane 0 from its block's start. */
  stateAt(slot: number): number {
    if (slot < 0 || slot >= this.maxSlots) throw new Error(`KernelLayout: state slot ${slot} is not in 0..${this.maxSlots - 1}`);
    return 4 * this.lanes * (FIELDS.length + slot);
  }
}
