/**
 * Compact run-status encoding shared by both engines: a u32 code and the step it happened at,
 * the same layout the GPU kernel writes. A million RunStatus objects per snapshot would cost
 * more than the simulation, so engines move codes and decode once, sharing one 'running' object.
 */
import type { RunStatus } from '../core/experiment';

/** Status codes, identical in shaders/step.wgsl (kStatus*). */
export const STATUS_RUNNING = 0;
export const STATUS_CONVERGED = 1;
export const STATUS_NAN = 2;
export const STATUS_INF = 3;
export const STATUS_BOUND = 4;
export const STATUS_LOSS = 5;

const RUNNING: RunStatus = Object.freeze({ kind: 'running' });

/** RunStatus of a code and step. */
export function decodeStatus(code: number, step: number): RunStatus {
  switch (code) {
    case STATUS_RUNNING:
      return RUNNING;
    case STATUS_CONVERGED:
      return { kind: 'converged', step };
    case STATUS_NAN:
      return { kind: 'diverged', step, reason: 'nan' };
    case STATUS_INF:
      return { kind: 'diverged', step, reason: 'inf' };
    case STATUS_BOUND:
      return { kind: 'diverged', step, reason: 'bound' };
    case STATUS_LOSS:
      return { kind: 'diverged', step, reason: 'loss' };
    default:
      throw new Error(`Unknown run status code ${code}`);
  }
}

/** Decodes parallel code/step arrays into RunStatus values. */
export function decodeStatuses(codes: ArrayLike<number>, steps: ArrayLike<number>): RunStatus[] {
  const out = new Array<RunStatus>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = decodeStatus(codes[i], steps[i]);
  return out;
}

/**
 * Decodes status arrays snapshot after snapshot, reusing work: statuses rarely change between
 * two snapshots, so when no (code, step) pair changed the previous array is returned as is
 * (snapshots treat it as read-only), and otherwise only the changed entries are re-decoded
 * into a copy. With a million runs this turns ~1M object lookups per call into one compare.
 */
export class StatusDecoder {
  /** The previous snapshot's planes [codes, steps]. */
  private planes = new Uint32Array(0);
  private decoded: readonly RunStatus[] = [];

  /** Statuses of n runs from planes [codes (n), steps (n)], as the GPU kernel writes them. */
  decode(planes: Uint32Array): readonly RunStatus[] {
    const n = planes.length >> 1;
    if (this.planes.length !== planes.length) {
      this.planes = planes.slice();
      const out = new Array<RunStatus>(n);
      for (let i = 0; i < n; i++) out[i] = decodeStatus(planes[i], planes[n + i]);
      this.decoded = out;
      return out;
    }
    let out: RunStatus[] | undefined;
    const prev = this.planes;
    for (let i = 0; i < n; i++) {
      const c = planes[i], k = planes[n + i];
      if (c === prev[i] && k === prev[n + i]) continue;
      out ??= this.decoded.slice();
      out[i] = decodeStatus(c, k);
      prev[i] = c;
      prev[n + i] = k;
    }
    if (out) this.decoded = out;
    return this.decoded;
  }

  /** Forgets the previous snapshot (after configure or reset). */
  clear(): void {
    this.planes = new Uint32Array(0);
    this.decoded = [];
  }
}
