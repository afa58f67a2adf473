/**
 * The latency floor under every engine call: one tiny submit followed by mapAsync of its copy,
 * as the engine does per chunk, on an idle device. In Node this includes how dawn.node turns
 * GPU completions into resolved promises; Chromium's figure differs, so the doc reports both
 * this and the engine rows, and the engine/bare gap is read against it.
 */
export interface RoundTrip {
  readonly count: number;
  readonly medianMicros: number;
  readonly p90Micros: number;
}

export async function submitMapRoundTrip(count: number): Promise<RoundTrip> {
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice({ label: 'bench-round-trip' });
  try {
    const src = device.createBuffer({ label: 'rt-src', size: 16, usage: GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    const dst = device.createBuffer({ label: 'rt-dst', size: 16, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
    const times: number[] = [];
    for (let i = 0; i < count + 5; i++) {
      const t0 = performance.now();
      const enc = device.createCommandEncoder({ label: 'rt' });
      enc.copyBufferToBuffer(src, 0, dst, 0, 16);
      device.queue.submit([enc.finish()]);
      await dst.mapAsync(GPUMapMode.READ);
      dst.unmap();
      if (i >= 5) times.push((performance.now() - t0) * 1000); // first 5: warm-up
    }
    src.destroy();
    dst.destroy();
    times.sort((a, b) => a - b);
    return { count, medianMicros: times[Math.floor(count / 2)], p90Micros: times[Math.floor(count * 0.9)] };
  } finally {
    device.destroy();
  }
}
