/**
 * Worker-thread entry of the Node bench: the CPU engine's own worker (src/engine/cpu/worker.ts)
 * behind the Web Worker shim. Import order matters: the shim defines `self` first.
 */
import './workerScope';
import '../../src/engine/cpu/worker';
