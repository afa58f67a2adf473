/**
 * The error an engine rejects its pending calls with once it can no longer work. The
 * ResilientEngine recognises it and moves the experiment to the CPU engine.
 */
import type { EngineFault } from './types';

/** An Error carrying the EngineFault that caused it. */
export class EngineFaultError extends Error {
  readonly fault: EngineFault;
  constructor(fault: EngineFault) {
    super(fault.message);
    this.name = 'EngineFaultError';
    this.fault = fault;
  }
}

/** Readable one-line text of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return String(e);
}

/**
 * The first line of a GPU error message: implementations append multi-line internal traces
 * (Dawn: source locations, "While calling ..."), which mean nothing to a user.
 */
export function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '') ?? message;
  return line.trim().replace(/[.\s]+$/, '');
}
