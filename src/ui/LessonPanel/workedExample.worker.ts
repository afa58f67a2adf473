/// <reference lib="webworker" />
/**
 * Computes the textbook worked example (src/core/training/workedExample.ts) off the main
 * thread: 140–200 ms in headless Chromium here (35–95 ms in Node), more on a classroom laptop
 * or a phone, too long a task to run between two frames of the race. Answers one request.
 */
import { textbookExample } from '../../core/training/workedExample';
import type { WorkedExampleMessage } from './workedExampleProtocol';

self.onmessage = () => {
  let reply: WorkedExampleMessage;
  try {
    const start = performance.now();
    const example = textbookExample();
    reply = { ok: true, example, ms: performance.now() - start };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
