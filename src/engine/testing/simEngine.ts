/**
 * Test engines (no Web Worker, no WebGPU): the core reference simulator behind the Engine
 * interface, in this thread. A SimEngine can pretend to be a GPU engine (info.kind 'gpu') and
 * fail on cue — a call that rejects with an EngineFaultError, or a fault it announces through
 * onFault as a lost device does — so the ResilientEngine's fallback and replay logic is tested
 * against a real Engine, not a WebGPU mock. Used by unit tests only.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { createSimulation, type Simulation } from '../../core/simulate';
import { EngineFaultError } from '../fault';
import type { Engine, EngineFault, EngineInfo, EngineKind, EngineSnapshot } from '../types';

export type SimCall = 'configure' | 'step' | 'reset' | 'retune' | 'restartRun';

/** Throws (rejecting the call) when it returns a fault for a call; `reached` is the step before it. */
export type FailWhen = (call: SimCall, reached: number) => EngineFault | Error | null;

export class SimEngine implements Engine {
  readonly info: EngineInfo;
  private sim: Simulation | null = null;
  private readonly listeners: ((f: EngineFault) => void)[] = [];
  /** Calls made, in order ('step 5', 'configure', ...). */
  readonly calls: string[] = [];
  /** Calls running at once, and the most seen (engines are not re-entrant). */
  active = 0;
  maxActive = 0;
  /** While set, step() waits for it: an engine slower than a frame. */
  hold: Promise<void> | null = null;
  disposed = false;
  /** Step sizes asked for, in order. */
  get stepSizes(): number[] {
    return this.calls.filter((c) => c.startsWith('step ')).map((c) => Number(c.slice(5)));
  }
  /** Retunes and per-run restarts, in order ('retune', 'restart 3'). */
  get tunes(): string[] {
    return this.calls.filter((c) => c === 'retune' || c.startsWith('restart '));
  }
  get configures(): number {
    return this.calls.filter((c) => c === 'configure').length;
  }
  failWhen: FailWhen | null = null;

  constructor(kind: EngineKind = 'cpu', label = 'test simulator') {
    this.info = { kind, adapter: label, software: false };
  }

  private async run(call: SimCall, op: () => void): Promise<EngineSnapshot> {
    if (this.disposed) throw new Error(`${this.info.adapter}: used after dispose`);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      await Promise.resolve();
      const failure = this.failWhen?.(call, this.sim?.step ?? 0) ?? null;
      if (failure) throw failure instanceof Error ? failure : new EngineFaultError(failure);
      op();
    } finally {
      this.active--;
    }
    const s = this.sim!;
    return { step: s.step, x: s.x.slice(), y: s.y.slice(), loss: s.loss.slice(), gradNorm: s.gradNorm.slice(), status: s.statuses(), state: s.state.map((a) => a.slice()), grad: s.grad.slice() };
  }

  configure(e: ResolvedExperiment): Promise<EngineSnapshot> {
    this.calls.push('configure');
    return this.run('configure', () => (this.sim = createSimulation(e)));
  }

  async step(n: number): Promise<EngineSnapshot> {
    this.calls.push(`step ${n}`);
    if (this.hold) await this.hold;
    return this.run('step', () => this.sim!.advance(n));
  }

  reset(): Promise<EngineSnapshot> {
    this.calls.push('reset');
    return this.run('reset', () => this.sim!.reset());
  }

  retune(e: ResolvedExperiment): Promise<EngineSnapshot> {
    this.calls.push('retune');
    return this.run('retune', () => this.sim!.retune(e));
  }

  restartRun(i: number, e: ResolvedExperiment): Promise<EngineSnapshot> {
    this.calls.push(`restart ${i}`);
    return this.run('restartRun', () => this.sim!.restartRun(i, e));
  }

  dispose(): void {
    this.disposed = true;
  }

  onFault(listener: (f: EngineFault) => void): void {
    this.listeners.push(listener);
  }

  /** Announces a fault as a device-lost callback would, outside any call. */
  announce(fault: EngineFault): void {
    for (const l of this.listeners) l(fault);
  }
}
