/**
 * Runs a map (issue 13: hyperparameter map, basin map) on an engine in throughput mode: no
 * trajectories recorded, steps submitted in chunks sized to ~CHUNK_TARGET_MS so the page stays
 * responsive and a progress bar moves, cancellable between chunks, stopping early once every
 * run has finished. What comes back per chunk is the engine's per-run summary (final position,
 * loss and status: what the picture is drawn from), never a trajectory.
 */
import type { ResolvedExperiment } from '../core/experiment';
import type { ConfigureOptions, Engine, EngineSnapshot } from './types';

/** A chunk aims at this much wall time (then the next is resized from the measured rate). */
export const CHUNK_TARGET_MS = 150;

export interface MapJobOptions {
  /** Starts of the replicas (basin map), x and y interleaved; count = starts.length / 2. */
  readonly starts?: Float64Array;
  /** First chunk's steps (default 8); later chunks follow the measured rate. */
  readonly firstChunk?: number;
  /** Wall time a chunk aims at (default CHUNK_TARGET_MS); the swarm's animation wants less. */
  readonly targetMs?: number;
  /**
   * At most this many steps in the chunk that starts after `done` steps (default: no cap). The
   * swarm caps chunks at a fraction of `done`, so its animation runs in log time.
   */
  maxChunk?(done: number): number;
  readonly signal?: AbortSignal;
  /** After configure (done 0) and after every chunk. */
  onProgress?(done: number, total: number, snapshot: EngineSnapshot): void;
}

/** True when no run is still running (converged, stalled or diverged: its values are final). */
export function allFinished(s: EngineSnapshot): boolean {
  return s.status.every((st) => st.kind !== 'running');
}

/** One chunk's size and its wall time. */
export interface ChunkTiming {
  readonly take: number;
  readonly ms: number;
}

/**
 * The next chunk's steps. A call costs a fixed overhead o (the per-run summary, per-template
 * setup: large for a map of 65,536 templates on the CPU) plus c per step; from the last two
 * calls of different sizes, ms ≈ o + c·take. The next call aims at `targetMs`, or at 4·o
 * when the overhead alone is more than half of that (so it stays under a fifth of the time).
 * Grows at most 4× per call; never past `left`.
 */
export function nextChunk(history: readonly ChunkTiming[], left: number, targetMs = CHUNK_TARGET_MS): number {
  const last = history[history.length - 1];
  const prev = [...history].reverse().find((h) => h.take !== last.take);
  let c = last.ms / Math.max(1, last.take);
  let o = 0;
  if (prev) {
    c = Math.max(1e-6, (last.ms - prev.ms) / (last.take - prev.take));
    o = Math.max(0, last.ms - c * last.take);
  }
  const target = o > targetMs / 2 ? 4 * o : targetMs;
  const want = Math.round((target - o) / c);
  return Math.max(1, Math.min(left, 4 * last.take, want));
}

/**
 * Configures `engine` with `exp` (one run per template, or replicas over `starts`) and steps it
 * to exp.steps. Resolves with the last snapshot, or null when cancelled (no chunk is submitted
 * after the signal fires; the one in flight is awaited).
 */
export async function runMapJob(engine: Engine, exp: ResolvedExperiment, options: MapJobOptions = {}): Promise<EngineSnapshot | null> {
  const { signal, starts } = options;
  const configure: ConfigureOptions = starts
    ? { record: false, replicas: { count: starts.length / 2, starts } }
    : { record: false };
  if (signal?.aborted) return null;
  let snap = await engine.configure(exp, configure);
  options.onProgress?.(snap.step, exp.steps, snap);
  let chunk = Math.max(1, Math.min(exp.steps, options.firstChunk ?? 8));
  const history: ChunkTiming[] = [];
  while (snap.step < exp.steps && !allFinished(snap)) {
    if (signal?.aborted) return null;
    const t0 = performance.now();
    const cap = options.maxChunk ? Math.max(1, Math.floor(options.maxChunk(snap.step))) : Infinity;
    const take = Math.min(chunk, cap, exp.steps - snap.step);
    snap = await engine.step(take);
    history.push({ take, ms: performance.now() - t0 });
    if (history.length > 8) history.shift();
    chunk = nextChunk(history, exp.steps - snap.step, options.targetMs);
    options.onProgress?.(snap.step, exp.steps, snap);
  }
  return signal?.aborted ? null : snap;
}
