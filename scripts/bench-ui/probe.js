/**
 * Injected into the app page before any of its scripts (page.addInitScript) by
 * scripts/bench-ui.mjs. Records requestAnimationFrame timestamps and long tasks between
 * window.__uiBench.start() and stop(). Plain browser JavaScript, no imports.
 *
 * The rAF timestamp (not performance.now() inside the callback) is used because it is the
 * frame's begin time, aligned to vsync: a frame that made its deadline is 16.67 ms after the
 * previous one at 60 Hz, a dropped frame 33.3 ms, so "> 16.7 ms" counts missed frames, not jitter.
 */
(() => {
  const st = { rec: false, frames: [], longTasks: [], t0: 0, step0: 0 };
  const stepNow = () =>
    Number(document.querySelector('[data-testid=step-counter]')?.getAttribute('data-step') ?? NaN);
  const loop = (ts) => {
    if (st.rec) st.frames.push(ts);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      if (!st.rec) return;
      for (const e of list.getEntries()) st.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {
    // No Long Tasks API in this browser: the long-task columns stay empty.
  }
  window.__uiBench = {
    start() {
      st.frames = [];
      st.longTasks = [];
      st.t0 = performance.now();
      st.step0 = stepNow();
      // Ad-hoc timers of an instrumented build (see docs/benchmarks.md, "UI frame rate").
      if (globalThis.__gsT)
        for (const k of Object.keys(globalThis.__gsT)) delete globalThis.__gsT[k];
      st.rec = true;
    },
    stop() {
      st.rec = false;
      return {
        t0: st.t0,
        t1: performance.now(),
        step0: st.step0,
        step1: stepNow(),
        frames: st.frames,
        longTasks: st.longTasks,
        // Still playing at the end? (false = the race finished or faulted during the window)
        playing: document.querySelector('[data-testid=pause]') !== null,
        rate: document.querySelector('[data-testid=engine-rate]')?.textContent ?? '',
        appTimers: globalThis.__gsT ? structuredClone(globalThis.__gsT) : undefined,
      };
    },
  };
})();
