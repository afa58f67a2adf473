/**
 * WebGPU device acquisition: the adapter, a readable name for the UI (vendor, architecture,
 * and whether it is a fallback/software adapter that runs at CPU speed), and a device that
 * asks for the adapter's largest storage limits so a million runs fit where the hardware allows.
 */
import type { EngineInfo } from '../types';

/** A device and what the UI says about it. */
export interface AcquiredDevice {
  readonly device: GPUDevice;
  readonly info: EngineInfo;
}

/** True for adapters known to run in software (SwiftShader, llvmpipe, WARP, Basic Render). */
function looksSoftware(text: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render|microsoft basic/i.test(text);
}

/** Human-readable adapter name from GPUAdapterInfo. */
export function describeAdapter(adapter: GPUAdapter): { name: string; software: boolean } {
  const ai = adapter.info;
  const fallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter === true
    || (ai as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  const parts = [ai.vendor, ai.architecture].filter((s) => s && s.length > 0);
  let name = parts.length > 0 ? `${parts[0]}${parts[1] ? ` (${parts[1]})` : ''}` : 'Unknown GPU';
  if (ai.description) name += ` — ${ai.description}`;
  const software = fallback || looksSoftware(`${ai.vendor} ${ai.architecture} ${ai.device} ${ai.description}`);
  return { name: software ? `${name} [software, CPU speed]` : name, software };
}

/** Limits worth raising for large populations: storage sizes and the dispatch grid. */
const RAISED_LIMITS = ['maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupsPerDimension', 'maxStorageBuffersPerShaderStage'] as const;

/** Requests an adapter and a device; null when WebGPU has no adapter here. */
export async function acquireDevice(): Promise<AcquiredDevice | null> {
  if (typeof navigator === 'undefined' || !navigator.gpu) return null;
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const requiredLimits: Record<string, number> = {};
  for (const k of RAISED_LIMITS) requiredLimits[k] = adapter.limits[k];
  const device = await adapter.requestDevice({ label: 'gradscape-device', requiredLimits });
  const { name, software } = describeAdapter(adapter);
  return { device, info: { kind: 'gpu', adapter: name, software } };
}
