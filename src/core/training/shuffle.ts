/**
 * The sample order of each epoch (the trainer numbers epochs from 1): a Fisher–Yates shuffle of 0..n−1 whose draws are the PCG
 * hash of (seed, epoch, position). Each epoch shuffles the identity afresh (as PyTorch's
 * RandomSampler draws a new randperm per epoch) rather than the previous epoch's order, so the
 * order of epoch e is a pure function of (seed, e, n): any epoch can be replayed on its own.
 */
import { hash2 } from '../rng';
import { TRAINING_STREAMS } from './data';

/**
 * Fills `out` (length n) with epoch `epoch`'s permutation of 0..n−1. Position i (from n−1 down
 * to 1) swaps with j = ⌊u·(i+1)⌋, u = a full 32-bit hash / 2³², so j is uniform up to a bias of
 * (i+1)/2³² (under 2.4e-4 for the largest allowed n).
 */
export function epochOrder(seed: number, epoch: number, n: number, out: Uint32Array = new Uint32Array(n)): Uint32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  const stream = hash2(TRAINING_STREAMS.shuffle, hash2(epoch >>> 0, seed >>> 0));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor((hash2(i, stream) / 4294967296) * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
