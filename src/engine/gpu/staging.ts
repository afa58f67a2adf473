/**
 * A small ring of MAP_READ staging buffers. Readbacks never block a frame: each submit copies
 * into a free staging buffer and maps it asynchronously; at most `maxInFlight` maps are pending,
 * and a new submit waits (asynchronously) for one to come back instead of allocating more.
 */

/** Staging buffers reused across readbacks, at most `maxInFlight` in use at once. */
export class StagingRing {
  private readonly free: GPUBuffer[] = [];
  private readonly all = new Set<GPUBuffer>();
  private busy = 0;
  private readonly waiters: (() => void)[] = [];
  private serial = 0;

  constructor(private readonly device: GPUDevice, private readonly maxInFlight = 3) {}

  /** A staging buffer of at least `size` bytes (resolves when one of the ring is free). */
  async acquire(size: number): Promise<GPUBuffer> {
    while (this.busy >= this.maxInFlight) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.busy++;
    const i = this.free.findIndex((b) => b.size >= size);
    if (i >= 0) return this.free.splice(i, 1)[0];
    // Keep the pool as small as the ring: replace the smallest idle buffer by a bigger one.
    if (this.free.length > 0 && this.all.size >= this.maxInFlight) {
      const small = this.free.shift()!;
      this.all.delete(small);
      small.destroy();
    }
    const buffer = this.device.createBuffer({
      label: `staging-${this.serial++}`,
      size: Math.max(256, Math.ceil(size / 256) * 256),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.all.add(buffer);
    return buffer;
  }

  /** Returns a buffer to the ring (unmapping it if it is mapped). */
  release(buffer: GPUBuffer): void {
    if (buffer.mapState === 'mapped') buffer.unmap();
    this.busy--;
    if (this.all.has(buffer)) this.free.push(buffer);
    this.waiters.shift()?.();
  }

  destroy(): void {
    for (const b of this.all) b.destroy();
    this.all.clear();
    this.free.length = 0;
    // Wake waiters so their callers see the engine's fault or disposal instead of hanging.
    for (const w of this.waiters.splice(0)) w();
  }
}
