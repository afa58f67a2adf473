/**
 * What every plot factory does around its render: at most one animation frame pending however
 * often it is asked to draw, nothing drawn after destroy(), and the host's size (CSS px) from a
 * ResizeObserver, each resize drawing again unless `onResize` returns false (same size).
 */
export interface FrameLoop {
  /** Draw on the next animation frame (once, however often it is called before). */
  schedule(): void;
  readonly destroyed: boolean;
  /** Cancels a pending frame and stops observing the host's size. */
  destroy(): void;
}

export function createFrameLoop(host: Element, render: () => void, onResize: (width: number, height: number) => boolean | void): FrameLoop {
  let raf = 0;
  let destroyed = false;
  const frame = () => {
    raf = 0;
    if (!destroyed) render();
  };
  const schedule = () => {
    if (!raf && !destroyed) raf = requestAnimationFrame(frame);
  };
  const ro = new ResizeObserver((entries) => {
    const r = entries[entries.length - 1].contentRect;
    if (onResize(Math.round(r.width), Math.round(r.height)) !== false) schedule();
  });
  ro.observe(host);
  return {
    schedule,
    get destroyed() {
      return destroyed;
    },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      ro.disconnect();
    },
  };
}
