/**
 * GPU faults other than device loss (that one is in engine.scale.spec.ts), on real WebGPU
 * (SwiftShader here): device limits, a step kernel the device cannot compile, out-of-memory.
 * Each must end in a readable message, and on the resilient wrapper in the CPU engine taking
 * over without an exception storm. Two cases are marked test.fail: they pin known bugs of the
 * wrapper (see their comments) and will report when a fix makes them pass.
 */
import { expect, test, type Page } from '@playwright/test';

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
    test.skip(!limits, 'no WebGPU adapter');
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
    // The bare engine treats the refusal as its fault: listeners hear it once, later calls get it.
    expect(r.faults).toEqual([{ reason: 'limits', message }]);
    expect(r.later).toEqual({ kind: 'rejected', name: 'EngineFaultError', reason: 'limits', message });
  });

  test('limits: the wrapper hands a recording request the GPU cannot hold to the CPU engine, with one readable fault', async ({ page }) => {
    const errors = watchErrors(page);
    test.skip(!(await open(page)), 'no WebGPU adapter');
    // 1,048,577 recorded runs need a sample ring of 2 steps × 16 B × runs > 32 MiB: a limit of
    // the engine's ring budget, independent of the device, that the CPU engine does not have.
    const r = await page.evaluate(() => window.faultsHarness.limitsRecording(1_048_577 as never)) as {
      beforeStep: number; big: Outcome; bigStep: Outcome; kindAfter: string; kinds: string[]; faults: Fault[]; step: number; mismatches: number; first: unknown;
    };
    expect(r.beforeStep).toBe(20);
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0].reason).toBe('limits');
    expect(r.faults[0].message).toMatch(/^Recording 1,048,577 runs needs \d+ MiB of sample ring; record fewer runs\. Continuing on the CPU engine\.$/);
    expect(r.big).toMatchObject({ kind: 'ok', runs: 1_048_577 });
    expect(r.bigStep).toMatchObject({ kind: 'ok', runs: 1_048_577 });
    expect(r.kinds).toEqual(['cpu']);
    expect(r.kindAfter).toBe('cpu');
    // The earlier experiment, configured again, runs on the CPU engine to the simulator's values.
    expect(r.step).toBe(60);
    expect(r.mismatches, JSON.stringify(r.first)).toBe(0);
    expect(errors).toEqual([]);
  });

  // KNOWN BUG (src/engine): a run count beyond the GPU's limits faults the GpuEngine, and the
  // wrapper then configures a CPU engine with the same impossible count; when that fails too
  // (10^12 runs: "Invalid typed array length"), the wrapper keeps the faulted GPU engine as
  // `current` and every later call, even configuring the earlier experiment again, rejects with
  // the stale 'limits' fault: the wrapper is dead and the experiment lost. (With 1e9 runs the CPU
  // attempt instead allocates gigabytes and never settles.) Expected: the request is refused
  // with the readable limits message and the wrapper keeps working.
  test.fail('limits: a request beyond both engines is refused readably and the wrapper keeps working', async ({ page }) => {
    const limits = await open(page);
    test.skip(!limits, 'no WebGPU adapter');
    const r = await page.evaluate(() => window.faultsHarness.limitsBeyondBoth()) as { huge: Outcome; continued: Outcome; again: Outcome; kind: string; faults: Fault[] };
    expect(r.huge).toMatchObject({ kind: 'rejected' });
    expect((r.huge as { message: string }).message).toContain('maxStorageBufferBindingSize');
    expect(r.again).toEqual({ kind: 'ok', step: 30, runs: 6 });
  });

  test('shader: the kernel builder turns the device compiler\'s rejection into a readable shader fault', async ({ page }) => {
    test.skip(!(await open(page)), 'no WebGPU adapter');
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
    test.skip(!(await open(page)), 'no WebGPU adapter');
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

  // KNOWN BUG (src/engine/resilient.ts): configure() resets `requested` but not `reached`, so
  // when the GPU faults while configuring, the fallback replays the NEW experiment to the step
  // the PREVIOUS one had reached (here 30): configure resolves at step 30 and samples 0..30 of
  // the new experiment are never delivered. Same with the recording-limit case above (step 20).
  test.fail('shader: a fault while configuring starts the new experiment at step 0 on the CPU engine', async ({ page }) => {
    test.skip(!(await open(page)), 'no WebGPU adapter');
    const r = await page.evaluate(() => window.faultsHarness.shaderWrapper(30 as never, 30 as never)) as { steps: number[]; sampleSteps: number[] };
    expect(r.steps).toEqual([0, 30, 60]);
    expect(r.sampleSteps).toEqual(Array.from({ length: 61 }, (_, k) => k));
  });

  test('out-of-memory: the largest population the limits allow, 3 times, ends in success or a readable out-of-memory fault', async ({ page }) => {
    const limits = await open(page);
    test.skip(!limits, 'no WebGPU adapter');
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
