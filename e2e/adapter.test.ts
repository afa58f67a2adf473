import { afterEach, describe, expect, it } from 'vitest';
import { requireAdapter } from './adapter';

describe('requireAdapter', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('fails a GPU test in CI when no adapter was found, instead of skipping it', () => {
    process.env.CI = 'true';
    expect(() => requireAdapter(null)).toThrow(/No WebGPU adapter in CI/);
    expect(() => requireAdapter(false)).toThrow(/No WebGPU adapter in CI/);
  });

  it('lets the test run when an adapter is there', () => {
    process.env.CI = 'true';
    expect(() => requireAdapter(true)).not.toThrow();
    expect(() => requireAdapter({ maxBufferSize: 1 })).not.toThrow();
  });
});
