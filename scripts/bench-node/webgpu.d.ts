/**
 * Types of the `webgpu` npm package (Dawn for Node), which is not a project dependency: the
 * Node bench unpacks it into the ignored .devkit/ folder (see docs/benchmarks-real-gpu.md).
 */
declare module 'webgpu' {
  /** A navigator.gpu over Dawn; options are Dawn toggles such as 'backend=vulkan'. */
  export function create(options: string[]): GPU;
  /** GPUBufferUsage, GPUMapMode, GPUOutOfMemoryError, … to install on globalThis. */
  export const globals: Record<string, unknown>;
}
