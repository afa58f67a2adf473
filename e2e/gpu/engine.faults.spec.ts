/**
 * GPU faults other than device loss (that one is in engine.scale.spec.ts), on real WebGPU
 * (SwiftShader here): device limits, a step kernel the device cannot compile, out-of-memory.
 * Each must end in a readable message. A shader error or out-of-memory is an engine fault: on the
 * resilient wrapper the CPU engine takes over without an exception storm. A request beyond the
 * limits is refused: the experiment that was running keeps going.
 */
import { expect, test, type Page } from '@playwright/test';
import { requireAdapter } from '../adapter';

/** Console errors other than the dev server's missing favicon. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

interface AdapterLimits { maxBinding: number; maxRuns: number }
type Outcome = { kind: 'ok'; step: number; runs: number } | { kind: 'rejected'; name: string; reason: string | null; message: string } | { kind: 'timeout' };
interface Fault { reason: string; message: string }

async function open(page: Page): Promise<AdapterLimits | null> {
  await page.goto('/e2e/gpu/faults.html');
  await page.waitForFunction(() => 'faultsHarness' in window);
  return (await page.evaluate(() => window.faultsHarness.adapter())) as AdapterLimits | null;
}

const fmt = (n: number) => n.toLocaleString('en-US');

test.describe('GPU engine faults', () => {
  test('limits: one run more than the state buffer holds is refused with the limit and the largest count that fits', async ({ page }) => {
    const limits = await open(page);
    requireAdapter(limits);
    const r = await page.evaluate(() => window.faultsHarness.limitsBare()) as {
      over: number; before: Outcome; refused: Outcome; later: Outcome; faults: Fault[]; validation: string | null;
    };
    expect(r.validation).toBeNull();
    expect(r.over).toBe(limits!.maxRuns + 1);
    expect(r.before).toEqual({ kind: 'ok', step: 10, runs: 6 });
    expect(r.refused).toMatchObject({ kind: 'rejected', name: 'EngineFaultError', reason: 'limits' });
    const message = (r.refused as { message: string }).message;
    expect(message).toContain(`${fmt(r.over)} parallel runs`);
    expect(message).toContain('maxStorageBufferBindingSize');
    expect(message).toContain(`at most ${fmt(limits!.maxRuns)} runs`);
    // A refused request is not an engine fault: no listener hears it, and the experiment that
    // was running keeps its buffers and its step.
    expect(r.faults).toEqual([]);
    expect(r.later).toEqual({ kind: 'ok', step: 15, runs: 6 });
  });

  test('limits: the wrapper refuses a recording request the GPU cannot hold and keeps the running experiment', async ({ page }) => {
    const errors = watchErrors(page);
    requireAdapter(await open(page));
    // 1,048,577 recorded runs need a sample ring of 2 steps × 16 B × runs > 32 MiB: a limit of
    // the engine's ring budget, independent of the device.
    const r = await page.evaluate(() => window.faultsHarness.limitsRecording(1_048_577 as never)) as {
      beforeStep: number; big: Outcome; bigStep: Outcome; kindAfter: string; kinds: string[]; faults: Fault[]; step: number; mismatches: number; first: unknown;
    };
    expect(r.beforeStep).toBe(20);
    expect(r.big).toMatchObject({ kind: 'rejected', name: 'EngineFaultError', reason: 'limits' });
    expect((r.big as { message: string }).message).toMatch(/^Recording 1,048,577 runs needs \d+ MiB of sample ring; at most 1,048,576 runs can record\.$/);
    // Not a fault: no fallback, and the experiment that was running continues where it was.
    expect(r.faults).toEqual([]);
    expect(r.kinds).toEqual([]);
    expect(r.kindAfter).toBe('gpu');
    expect(r.bigStep).toEqual({ kind: 'ok', step: 22, runs: 6 });
    // The earlier experiment, configured again, runs to the simulator's values.
    expect(r.step).toBe(60);
    expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
    expect(errors).toEqual([]);
  });

  // 10^12 runs: no GPU buffer and no CPU array could hold them. The request is refused with
  // the limit's message; the wrapper keeps the experiment that was running.
  test('limits: a request beyond both engines is refused readably and the wrapper keeps working', async ({ page }) => {
    const limits = await open(page);
    requireAdapter(limits);
    const r = await page.evaluate(() => window.faultsHarness.limitsBeyondBoth()) as { huge: Outcome; continued: Outcome; again: Outcome; kind: string; faults: Fault[] };
    expect(r.huge).toMatchObject({ kind: 'rejected' });
    expect((r.huge as { message: string }).message).toContain('maxStorageBufferBindingSize');
    expect(r.continued).toEqual({ kind: 'ok', step: 20, runs: 6 });
    expect(r.again).toEqual({ kind: 'ok', step: 30, runs: 6 });
    expect(r.faults).toEqual([]);
    expect(r.kind).toBe('gpu');
  });

  test('limits: the CPU engine refuses more runs than it can hold and keeps the running experiment', async ({ page }) => {
    await open(page);
    const r = await page.evaluate(() => window.faultsHarness.cpuTooMany()) as { max: number; huge: Outcome; continued: Outcome; kind: string; faults: Fault[] };
    expect(r.kind).toBe('cpu');
    expect(r.huge).toMatchObject({ kind: 'rejected' });
    expect((r.huge as { message: string }).message).toBe(`${fmt(r.max + 1)} parallel runs are more than the CPU engine can hold in memory (at most ${fmt(r.max)}).`);
    expect(r.continued).toEqual({ kind: 'ok', step: 20, runs: 6 });
    expect(r.faults).toEqual([]);
  });

  test('shader: the kernel builder turns the device compiler\'s rejection into a readable shader fault', async ({ page }) => {
    requireAdapter(await open(page));
    const r = await page.evaluate(() => window.faultsHarness.shaderKernel()) as {
      good: string; goodScope: string | null; bad: { name: string; reason: string | null; message: string };
    };
    expect(r.good).toBe('ok');
    expect(r.goodScope).toBeNull();
    expect(r.bad.name).toBe('EngineFaultError');
    expect(r.bad.reason).toBe('shader');
    expect(r.bad.message).toMatch(/^The GPU could not compile the step kernel for adam on ".+": line \d+:\d+ .*undefined_symbol_from_formula/);
  });

  test('shader: one readable fault, the CPU engine takes over, the experiment ends as on the f32 simulator, no error storm', async ({ page }) => {
    const errors = watchErrors(page);
    requireAdapter(await open(page));
    const r = await page.evaluate(() => window.faultsHarness.shaderWrapper(30 as never, 30 as never)) as {
      kinds: string[]; kindAfterConfigure: string; faults: Fault[]; firstSteps: number[]; firstOk: number; steps: number[]; sampleSteps: number[]; mismatches: number; first: unknown;
    };
    expect(r.firstSteps).toEqual([0, 30]);
    expect(r.firstOk).toBe(0); // the experiment before the fault ran on the GPU, bit for bit
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0].reason).toBe('shader');
    expect(r.faults[0].message).toMatch(/^The GPU could not compile the step kernel for \w+ on ".+": line \d+:\d+ .+\. Continuing on the CPU engine\.$/);
    expect(r.kinds).toEqual(['gpu', 'cpu']);
    expect(r.kindAfterConfigure).toBe('cpu');
    expect(r.steps[2]).toBe(60);
    expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
    expect(errors.length, errors.join('\n')).toBeLessThanOrEqual(1);
  });

  // A fault while configuring: the fallback replays the NEW experiment from step 0 (not to the
  // step the previous one had reached), and every sample from step 0 is delivered.
  test('shader: a fault while configuring starts the new experiment at step 0 on the CPU engine', async ({ page }) => {
    requireAdapter(await open(page));
    const r = await page.evaluate(() => window.faultsHarness.shaderWrapper(30 as never, 30 as never)) as { steps: number[]; sampleSteps: number[] };
    expect(r.steps).toEqual([0, 30, 60]);
    expect(r.sampleSteps).toEqual(Array.from({ length: 61 }, (_, k) => k));
  });

  test('out-of-memory: the largest population the limits allow, 3 times, ends in success or a readable out-of-memory fault', async ({ page }) => {
    const limits = await open(page);
    requireAdapter(limits);
    const r = await page.evaluate(() => window.faultsHarness.oomNearLimit(3 as never)) as { outcome: Outcome; faults: Fault[]; validation: string | null }[];
    expect(r).toHaveLength(3);
    const seen: string[] = [];
    for (const a of r) {
      expect(a.validation).toBeNull();
      if (a.outcome.kind === 'ok') {
        expect(a.outcome).toEqual({ kind: 'ok', step: 0, runs: limits!.maxRuns });
        expect(a.faults).toEqual([]);
        seen.push('ok');
      } else {
        expect(a.outcome).toMatchObject({ kind: 'rejected', name: 'EngineFaultError', reason: 'out-of-memory' });
        const message = (a.outcome as { message: string }).message;
        expect(message).toMatch(new RegExp(`^The GPU could not allocate buffers for ${fmt(limits!.maxRuns)} runs: \\S`));
        expect(a.faults).toEqual([{ reason: 'out-of-memory', message }]);
        seen.push('out-of-memory');
      }
    }
    test.info().annotations.push({ type: 'outcomes', description: seen.join(', ') });
  });
});
