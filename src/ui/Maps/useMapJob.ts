/**
 * A map job's life in a component: its own engine (createEngine with the user's engine
 * preference: WebGPU when there is an adapter, else CPU workers), so the race's engine and
 * its state are untouched; progress, cancel, elapsed time and errors; the engine is disposed
 * when the job ends, is cancelled, or the component unmounts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolvedExperiment } from '../../core/experiment';
import { createEngine } from '../../engine/factory';
import { runMapJob, type MapJobOptions } from '../../engine/mapJob';
import type { Engine, EngineSnapshot } from '../../engine/types';
import { appStore } from '../../store/store';

export interface MapJobState {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  /** Engine label of the last job ('GPU · SwiftShader (software)', 'CPU · 2 workers'). */
  readonly engine: string;
  readonly ms: number;
  readonly error: string | null;
  readonly cancelled: boolean;
}

const IDLE: MapJobState = { running: false, done: 0, total: 0, engine: '', ms: 0, error: null, cancelled: false };

export function useMapJob() {
  const [state, setState] = useState<MapJobState>(IDLE);
  const job = useRef<{ abort: AbortController; engine: Promise<Engine> } | null>(null);

  const cancel = useCallback(() => {
    job.current?.abort.abort();
  }, []);

  useEffect(() => () => job.current?.abort.abort(), []);

  /**
   * Runs `exp` (replicas over `starts` when given); `onSnapshot` sees every chunk's summary;
   * `pacing` sizes the chunks (the swarm's animation), runMapJob's defaults otherwise.
   */
  const run = useCallback(
    async (
      exp: ResolvedExperiment,
      onSnapshot: (s: EngineSnapshot, final: boolean) => void,
      starts?: Float64Array,
      pacing?: Pick<MapJobOptions, 'firstChunk' | 'targetMs' | 'maxChunk'>,
    ): Promise<void> => {
      job.current?.abort.abort();
      const abort = new AbortController();
      const enginePromise = createEngine(appStore.getState().enginePref);
      job.current = { abort, engine: enginePromise };
      const t0 = performance.now();
      setState({ ...IDLE, running: true, total: exp.steps });
      let engine: Engine | null = null;
      try {
        engine = await enginePromise;
        // 'GPU · SwiftShader (software)' / 'CPU, 2 workers (f32)': the CPU adapter names itself.
        const label = engine.info.kind === 'gpu' ? `GPU · ${engine.info.adapter}` : engine.info.adapter;
        const last = await runMapJob(engine, exp, {
          ...pacing,
          starts,
          signal: abort.signal,
          onProgress: (done, total, snap) => {
            if (abort.signal.aborted) return;
            onSnapshot(snap, false);
            setState((s) => ({ ...s, done, total, engine: label, ms: performance.now() - t0 }));
          },
        });
        if (last && !abort.signal.aborted) onSnapshot(last, true);
        setState((s) => ({ ...s, running: false, cancelled: last === null, engine: label, ms: performance.now() - t0 }));
      } catch (e) {
        setState((s) => ({ ...s, running: false, error: e instanceof Error ? e.message : String(e) }));
      } finally {
        engine?.dispose();
        if (job.current?.abort === abort) job.current = null;
      }
    },
    [],
  );

  return { state, run, cancel };
}
