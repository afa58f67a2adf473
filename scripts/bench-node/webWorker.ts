/**
 * A browser-style `Worker` on node:worker_threads, so the CPU engine (src/engine/cpu/cpuEngine)
 * runs unchanged: whatever URL it asks for, the thread runs the bundled ./cpuWorker entry,
 * which is src/engine/cpu/worker.ts behind a `self` shim. Messages and transfer lists pass
 * through as they do between a page and its workers.
 */
import { Worker as ThreadWorker } from 'node:worker_threads';

type Listener<E> = ((e: E) => void) | null;

/** Installs globalThis.Worker; every worker runs `script` (the bundled cpu-worker.mjs). */
export function installWebWorker(script: string): void {
  class NodeWebWorker {
    onmessage: Listener<{ data: unknown }> = null;
    onerror: Listener<{ message: string; preventDefault(): void }> = null;
    private readonly thread: ThreadWorker;

    constructor(_url: string | URL, _options?: unknown) {
      this.thread = new ThreadWorker(script);
      this.thread.on('message', (data: unknown) => this.onmessage?.({ data }));
      this.thread.on('error', (err: Error) => this.onerror?.({ message: err.message, preventDefault() {} }));
    }

    postMessage(message: unknown, transfer: Transferable[] = []): void {
      this.thread.postMessage(message, transfer as unknown as ArrayBuffer[]);
    }

    terminate(): void {
      void this.thread.terminate();
    }
  }
  Object.defineProperty(globalThis, 'Worker', { configurable: true, writable: true, value: NodeWebWorker });
}
