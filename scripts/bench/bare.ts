/**
 * The ceiling: shaders/bare_adam.wgsl, looping all steps in-kernel in one dispatch, or (with
 * `driving`) in awaited submits sized as the engine rows' calls (./workloads: 'ui', the app's
 * calls; at least `steps` steps and MIN_TIMED_CALLS calls), nothing read back: what the kernel
 * alone costs when driven call by call as the UI drives the engine.
 */
import bareWgsl from '../../shaders/bare_adam.wgsl?raw';
import { dispatchGrid } from '../../src/engine/gpu/capacity';
import { unrollLoops } from '../../src/engine/gpu/unroll';
import type { Measure } from './workloads';
import { callSteps, MIN_TIMED_CALLS, starts, type Driving } from './workloads';

export async function bareKernel(runs: number, steps: number, driving?: Driving): Promise<Measure> {
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice({
    label: 'bench-bare',
    requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize },
  });
  try {
    device.pushErrorScope('validation');
    const module = device.createShaderModule({ label: 'bare-adam', code: unrollLoops(bareWgsl) });
    const pipeline = await device.createComputePipelineAsync({ label: 'bare-adam', layout: 'auto', compute: { module, entryPoint: 'main', constants: { WG: 64 } } });
    const theta = device.createBuffer({ label: 'bare-theta', size: 8 * runs, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    const moments = device.createBuffer({ label: 'bare-moments', size: 16 * runs, usage: GPUBufferUsage.STORAGE });
    const uniform = device.createBuffer({ label: 'bare-params', size: 48, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(theta, 0, Float32Array.from(starts(runs)));
    const grid = dispatchGrid(runs, 64, device.limits.maxComputeWorkgroupsPerDimension);
    const g0 = device.createBindGroup({ label: 'bare-g0', layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: uniform } }] });
    const g1 = device.createBindGroup({ label: 'bare-g1', layout: pipeline.getBindGroupLayout(1), entries: [{ binding: 0, resource: { buffer: theta } }, { binding: 1, resource: { buffer: moments } }] });
    const finish = async (m: Measure): Promise<Measure> => {
      const err = await device.popErrorScope();
      if (err) throw new Error(`bare kernel: ${err.message}`);
      theta.destroy(); moments.destroy(); uniform.destroy();
      return m;
    };
    const run = async (n: number, from: number): Promise<number> => {
      const raw = new ArrayBuffer(48);
      new Uint32Array(raw).set([n, runs, grid.rowWidth, 0]);
      new Float32Array(raw).set([0.01, 0.9, 0.999, 1e-8, 1, 100, 0.9 ** from, 0.999 ** from], 4);
      device.queue.writeBuffer(uniform, 0, raw);
      const enc = device.createCommandEncoder({ label: 'bare' });
      const pass = enc.beginComputePass({ label: 'bare-pass' });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, g0);
      pass.setBindGroup(1, g1);
      pass.dispatchWorkgroups(grid.x, grid.y);
      pass.end();
      const t0 = performance.now();
      device.queue.submit([enc.finish()]);
      await device.queue.onSubmittedWorkDone();
      return (performance.now() - t0) / 1000;
    };
    await run(1, 0);
    let from = 1;
    if (!driving) {
      const seconds = await run(steps, from);
      return await finish({ steps, seconds });
    }
    // One untimed call of the first size, as the engine rows warm up, and its time sizes the next.
    let prevMs = 1000 * (await run(callSteps(driving, undefined), from));
    from += callSteps(driving, undefined);
    const calls: number[] = [];
    let seconds = 0;
    let done = 0;
    while (done < steps || (driving === 'ui' && calls.length < MIN_TIMED_CALLS)) {
      const n = driving === 'ui' ? callSteps(driving, prevMs) : Math.min(driving.perCall, steps - done);
      const s = await run(n, from);
      prevMs = 1000 * s;
      seconds += s;
      from += n;
      done += n;
      calls.push(n);
    }
    return await finish({ steps: done, seconds, calls });
  } finally {
    device.destroy();
  }
}
