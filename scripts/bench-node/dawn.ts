/**
 * WebGPU in Node through Dawn (the `webgpu` package): installs what a browser page has and the
 * engine code expects (navigator.gpu, navigator.hardwareConcurrency, the GPU* globals such as
 * GPUBufferUsage and GPUOutOfMemoryError), so src/engine and scripts/bench run unchanged.
 */
import { availableParallelism } from 'node:os';
import { create, globals } from 'webgpu';

/** What the bench prints about the adapter. */
export interface AdapterReport {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
  readonly maxStorageBufferBindingSize: number;
  readonly maxComputeWorkgroupsPerDimension: number;
}

/**
 * Installs Dawn as navigator.gpu. `flags` are Dawn options (e.g. 'backend=vulkan',
 * 'adapter=NVIDIA H200'). Returns the GPU object; drop it (process.exit) to let Node end.
 */
export function installWebGpu(flags: readonly string[]): GPU {
  Object.assign(globalThis, globals);
  const gpu = create([...flags]);
  // Node 21+ has a read-only navigator getter; defineProperty replaces it on every version.
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    writable: true,
    value: { gpu, hardwareConcurrency: availableParallelism(), userAgent: `Node.js ${process.version} + Dawn (webgpu npm)` },
  });
  return gpu;
}

/** The adapter the engine will get (same request as src/engine/gpu/device.ts), or null. */
export async function reportAdapter(gpu: GPU): Promise<AdapterReport | null> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const i = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  return {
    vendor: i.vendor,
    architecture: i.architecture,
    device: i.device,
    description: i.description,
    isFallbackAdapter: i.isFallbackAdapter === true,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxComputeWorkgroupsPerDimension: adapter.limits.maxComputeWorkgroupsPerDimension,
  };
}
