/** Public entry of the engines: the factory, the wrapper the UI holds, and the contract types. */
export { createEngine, createGpuEngine, type EnginePreference } from './factory';
export { ResilientEngine } from './resilient';
export { CpuEngine, type CpuEngineOptions } from './cpu/cpuEngine';
export { EngineFaultError } from './fault';
export type * from './types';
