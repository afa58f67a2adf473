import { describe, expect, it } from 'vitest';
import { EngineFaultError } from '../fault';
import { planCapacity, type CapacityRequest } from './capacity';

/** WebGPU's default limits where the plan reads them, raised as a typical desktop adapter does. */
const limits = {
  maxStorageBufferBindingSize: 1 << 30,
  maxBufferSize: 1 << 30,
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupsPerDimension: 65535,
} as GPUSupportedLimits;

const req = (runs: number, software: boolean, over: Partial<CapacityRequest> = {}): CapacityRequest => ({ runs, recorded: Math.min(runs, 64), templates: 1, steps: 1000, objParams: 2, software, ...over });

describe('planCapacity', () => {
  it('keeps a hardware dispatch within 2^25 run-steps (a GPU watchdog), at most 1024 steps', () => {
    expect(planCapacity(limits, req(1, false)).stepsPerDispatch).toBe(1024);
    expect(planCapacity(limits, req(65_536, false)).stepsPerDispatch).toBe(512);
    expect(planCapacity(limits, req(1_048_576, false)).stepsPerDispatch).toBe(32);
  });
  it('gives a software adapter (no watchdog; every dispatch reloads every run) 1024-step dispatches up to a million runs', () => {
    expect(planCapacity(limits, req(1_048_576, true)).stepsPerDispatch).toBe(1024);
    expect(planCapacity(limits, req(65_536, true)).stepsPerDispatch).toBe(1024);
  });
  it('takes a lower cap from the request, never a higher one', () => {
    expect(planCapacity(limits, req(64, true, { maxDispatchSteps: 7 })).stepsPerDispatch).toBe(7);
    expect(planCapacity(limits, req(1_048_576, false, { maxDispatchSteps: 100 })).stepsPerDispatch).toBe(32);
    expect(planCapacity(limits, req(64, true, { maxDispatchSteps: 5000 })).stepsPerDispatch).toBe(1024);
  });
  it('sizes the sample ring from the recorded runs and names the limit a request exceeds', () => {
    expect(planCapacity(limits, req(64, false)).ringCap).toBe(1024);
    expect(planCapacity(limits, req(10, false, { recorded: 0 })).ringCap).toBe(2);
    const small = { ...limits, maxStorageBufferBindingSize: 1 << 20, maxBufferSize: 1 << 20 } as GPUSupportedLimits;
    expect(() => planCapacity(small, req(1_000_000, false))).toThrow(EngineFaultError);
    expect(() => planCapacity(small, req(1_000_000, false))).toThrow(/at most 16,384 runs fit/);
  });
});
