/**
 * The textbook worked example's numbers for the lesson card, computed once per page in a
 * worker (the card shows "computing" meanwhile) and cached: reopening the lesson is instant.
 * Without Worker support (old browsers, some test runners) it computes on the main thread
 * after the card has painted, so the card still appears at once.
 */
import { useEffect, useState } from 'react';
import { textbookExample } from '../../core/training/workedExample';
import type { WorkedExampleMessage } from './workedExampleProtocol';

let cached: Promise<WorkedExampleMessage> | null = null;
/** The result once it has arrived, so a card opened later renders it on its first frame. */
let settled: WorkedExampleMessage | null = null;

function computeHere(): Promise<WorkedExampleMessage> {
  return new Promise((resolve) => {
    setTimeout(() => {
      try {
        const start = performance.now();
        const example = textbookExample();
        resolve({ ok: true, example, ms: performance.now() - start });
      } catch (e) {
        resolve({ ok: false, message: e instanceof Error ? e.message : String(e) });
      }
    }, 0);
  });
}

function computeInWorker(): Promise<WorkedExampleMessage> {
  if (typeof Worker === 'undefined') return computeHere();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./workedExample.worker.ts', import.meta.url), { type: 'module', name: 'gradscape-worked-example' });
    const done = (m: WorkedExampleMessage | null) => {
      worker.terminate();
      // A worker that fails to load (a blocked script, a crash) is no reason to show no table.
      if (m === null) void computeHere().then(resolve);
      else resolve(m);
    };
    worker.onmessage = (e: MessageEvent<WorkedExampleMessage>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done(null);
    };
    worker.postMessage(null);
  });
}

/** The worked example once computed (null until then); an error result carries its message. */
export function useWorkedExample(): WorkedExampleMessage | null {
  const [result, setResult] = useState<WorkedExampleMessage | null>(settled);
  useEffect(() => {
    if (settled !== null) return;
    let live = true;
    cached ??= computeInWorker().then((m) => (settled = m));
    void cached.then((m) => {
      if (live) setResult(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return result;
}
