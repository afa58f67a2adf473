/**
 * Engine selection: WebGPU when an adapter exists, else the CPU engine. The UI gets a
 * ResilientEngine in every case, so GPU faults and engine switches keep the experiment.
 */
import { CpuEngine } from './cpu/cpuEngine';
import { ResilientEngine } from './resilient';
import type { Engine } from './types';

/** Which engine the user asked for. */
export type EnginePreference = 'auto' | 'gpu' | 'cpu';

/** A GPU engine on the best adapter, or null when WebGPU has no adapter here. */
export async function createGpuEngine(): Promise<Engine | null> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) return null;
  // Loaded on demand: CPU-only sessions never fetch the GPU code and its shaders.
  const { GpuEngine } = await import('./gpu/gpuEngine');
  return GpuEngine.create();
}

/**
 * Makes the engine the UI holds. 'auto' and 'gpu' use WebGPU when an adapter exists and the
 * CPU engine otherwise (check `info.kind`); 'cpu' always uses the CPU engine.
 */
export async function createEngine(preference: EnginePreference = 'auto'): Promise<ResilientEngine> {
  let initial: Engine | null = null;
  if (preference !== 'cpu') {
    try {
      initial = await createGpuEngine();
    } catch {
      initial = null; // requestAdapter/requestDevice can throw on blocklisted drivers: use the CPU
    }
  }
  return new ResilientEngine(initial ?? new CpuEngine(), createGpuEngine);
}
