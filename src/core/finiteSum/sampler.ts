/**
 * Batch regimes: which samples step k of a run reads. Every index is a pure function of
 * (regime, n, seed, stream, step), from the PCG hash of src/core/rng.ts, so a GPU kernel (or a
 * share link on another machine) draws the same batches.
 *
 * - Full batch (size 0): every sample, in order 0..n−1.
 * - 'replacement': index j of step k is ⌊u · n / 2³²⌋ with the u32 u = hash2(c, key),
 *   c = (k·B + j) mod 2³² and key = hash2(stream, seed) (the hash uniformAt uses). Not the
 *   24-bit uniform01 · n: with n up to 10⁶ a 24-bit uniform reaches only 2²⁴ values, so for
 *   n ≥ 2²⁴ samples would be skipped and for large n the buckets are visibly uneven. u·n < 2⁵³
 *   is exact in float64; on the GPU it is the high word of the 64-bit product u·n. The bias of
 *   this mapping is below n / 2³² per index (2.3·10⁻⁴ relative at n = 10⁶).
 * - 'shuffle': epochs of a Fisher–Yates permutation of 0..n−1, epoch e's permutation from
 *   hash2(e, key): for i = n−1 down to 1, swap perm[i] with perm[⌊hash2(n−1−i, epochKey) ·
 *   (i+1) / 2³²⌋] (Durstenfeld's in-place form). Each epoch is cut into consecutive batches of
 *   B; the last one holds the n mod B remainder when B does not divide n (PyTorch's DataLoader
 *   with shuffle=True, drop_last=False). B ≥ n means one batch of all n per epoch.
 *
 * The permutation is O(n) to build: {@link BatchSampler} keeps the current epoch's, so a step
 * costs O(B). {@link batchIndices} keeps the last one it built.
 */
import { hash2 } from '../rng';

/** How a run draws its batches. size 0 = full batch; sampling is then ignored. */
export interface BatchRegime {
  readonly size: number;
  readonly sampling: 'replacement' | 'shuffle';
}

/** The full-batch regime. */
export const FULL_BATCH: BatchRegime = { size: 0, sampling: 'shuffle' };

const TWO32 = 4294967296;
/** Largest n the index mapping is exact for (2²¹ ≥ MAX_SAMPLES). */
const MAX_INDEXABLE = 2 ** 21;

function checkRegime(regime: BatchRegime, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`A dataset needs at least one sample, got n = ${n}`);
  // scaleU32 is exact only while u32 · n < 2⁵³.
  if (n > MAX_INDEXABLE) throw new Error(`A dataset of ${n} samples is beyond the sampler's ${MAX_INDEXABLE}`);
  if (!Number.isInteger(regime.size) || regime.size < 0) throw new Error(`Batch size must be an integer ≥ 0 (0 = full batch), got ${regime.size}`);
  if (regime.sampling !== 'replacement' && regime.sampling !== 'shuffle') throw new Error(`Unknown sampling '${String(regime.sampling)}'`);
}

/** True for the full-batch regime. */
export function isFullBatch(regime: BatchRegime): boolean {
  return regime.size === 0;
}

/** Batches per epoch under shuffle: ⌈n / B⌉ (1 for full batch). */
export function batchesPerEpoch(regime: BatchRegime, n: number): number {
  return regime.size === 0 ? 1 : Math.ceil(n / Math.min(regime.size, n));
}

/** Number of samples in step k's batch (the last batch of a shuffle epoch may be short). */
export function batchCount(regime: BatchRegime, n: number, step: number): number {
  const B = regime.size;
  if (B === 0) return n;
  if (regime.sampling === 'replacement') return B;
  const b = Math.min(B, n);
  const pos = step % batchesPerEpoch(regime, n);
  return Math.min(b, n - pos * b);
}

/**
 * Samples drawn by steps 0..step−1 (with repeats under replacement). Full batch: step·n;
 * replacement: step·B; shuffle: whole epochs of n plus the batches of the current one.
 */
export function samplesBefore(regime: BatchRegime, n: number, step: number): number {
  const B = regime.size;
  if (B === 0) return step * n;
  if (regime.sampling === 'replacement') return step * B;
  const bpe = batchesPerEpoch(regime, n);
  return Math.floor(step / bpe) * n + (step % bpe) * Math.min(B, n);
}

/**
 * The epoch step k's batch belongs to. Shuffle: ⌊k / ⌈n/B⌉⌋ (its permutation's index); full
 * batch: k; replacement (no epochs as such): the pass through n samples its first draw is in.
 */
export function epochOf(regime: BatchRegime, n: number, step: number): number {
  if (regime.size === 0) return step;
  if (regime.sampling === 'replacement') return Math.floor((step * regime.size) / n);
  return Math.floor(step / batchesPerEpoch(regime, n));
}

/** ⌊u · m / 2³²⌋ for a u32 u and m ≤ 2²¹ (exact: the product stays below 2⁵³). */
function scaleU32(u: number, m: number): number {
  return Math.floor((u * m) / TWO32);
}

/** Epoch e's permutation of 0..n−1 into perm (length ≥ n), as the module header states. */
export function shufflePermutation(n: number, seed: number, stream: number, epoch: number, perm: Uint32Array): void {
  const key = hash2(epoch >>> 0, hash2(stream >>> 0, seed >>> 0));
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i >= 1; i--) {
    const j = scaleU32(hash2((n - 1 - i) >>> 0, key), i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
}

/** Draws the batches of one run, caching the current shuffle epoch's permutation. */
export class BatchSampler {
  private readonly key: number;
  private perm: Uint32Array | null = null;
  private permEpoch = -1;

  constructor(
    readonly regime: BatchRegime,
    readonly n: number,
    readonly seed: number,
    readonly stream: number,
  ) {
    checkRegime(regime, n);
    this.key = hash2(stream >>> 0, seed >>> 0);
  }

  /** Largest batch this sampler returns (the length `out` needs). */
  get capacity(): number {
    const B = this.regime.size;
    return B === 0 ? this.n : this.regime.sampling === 'replacement' ? B : Math.min(B, this.n);
  }

  /** Writes step k's sample indices into out[0..count) and returns count. */
  indices(step: number, out: Uint32Array): number {
    if (!Number.isInteger(step) || step < 0) throw new Error(`Step must be an integer ≥ 0, got ${step}`);
    const { regime, n } = this;
    const B = regime.size;
    if (out.length < this.capacity) throw new Error(`Index buffer of ${out.length} is smaller than the batch (${this.capacity})`);
    if (B === 0) {
      for (let j = 0; j < n; j++) out[j] = j;
      return n;
    }
    if (regime.sampling === 'replacement') {
      // k·B + j < 2⁵³ for any realistic run; reduced mod 2³² as the u32 counter on the GPU wraps.
      const base = step * B;
      for (let j = 0; j < B; j++) out[j] = scaleU32(hash2(((base + j) % TWO32) >>> 0, this.key), n);
      return B;
    }
    const epoch = epochOf(regime, n, step);
    const perm = this.permutation(epoch);
    const b = Math.min(B, n);
    const from = (step % batchesPerEpoch(regime, n)) * b;
    const count = Math.min(b, n - from);
    for (let j = 0; j < count; j++) out[j] = perm[from + j];
    return count;
  }

  private permutation(epoch: number): Uint32Array {
    if (this.perm === null) this.perm = new Uint32Array(this.n);
    if (this.permEpoch !== epoch) {
      shufflePermutation(this.n, this.seed, this.stream, epoch, this.perm);
      this.permEpoch = epoch;
    }
    return this.perm;
  }
}

let lastSampler: BatchSampler | null = null;

/**
 * Step k's sample indices into `out` (length ≥ the batch); returns how many. A pure function of
 * its inputs; it reuses the last permutation it built when called again for the same run and
 * epoch (a run stepping through an epoch costs O(n) once, then O(B) per step).
 */
export function batchIndices(regime: BatchRegime, n: number, seed: number, stream: number, step: number, out: Uint32Array): number {
  const s = lastSampler;
  if (s === null || s.n !== n || s.seed !== seed || s.stream !== stream || s.regime.size !== regime.size || s.regime.sampling !== regime.sampling) {
    lastSampler = new BatchSampler({ size: regime.size, sampling: regime.sampling }, n, seed, stream);
  }
  return lastSampler!.indices(step, out);
}
