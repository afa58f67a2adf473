/**
 * Gives a node:worker_threads thread the Web Worker globals src/engine/cpu/worker.ts uses:
 * `self`, `self.onmessage` (fed from parentPort) and `postMessage` (to parentPort). Imported
 * before the worker module so `self` exists when it runs.
 */
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('workerScope: not inside a worker thread');
const scope = globalThis as unknown as {
  self: unknown;
  onmessage: ((e: { data: unknown }) => void) | null;
  postMessage: (message: unknown, transfer?: ArrayBuffer[]) => void;
};
scope.self = scope;
scope.onmessage = null;
scope.postMessage = (message, transfer) => port.postMessage(message, transfer ?? []);
port.on('message', (data: unknown) => scope.onmessage?.({ data }));
