/**
 * Summaries of one measurement window from scripts/bench-ui/probe.js: frame-interval
 * statistics, long tasks and steps per second. Pure functions, no I/O.
 */

/**
 * "Over 16.7 ms" means at least one 60 Hz frame was dropped. rAF timestamps jitter by about
 * ±0.1 ms around 16.67 (16.8 follows 16.6), so a literal 16.7 threshold counts a fifth of
 * perfectly paced frames; the thresholds sit half a frame above one and two frame periods.
 */
export const FRAME_60HZ_MS = 25;
/** Over 33 ms: at least two frames dropped in a row, a visible stutter. */
export const FRAME_30HZ_MS = 41.7;

/** The q-quantile (0..1) of an ascending array, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/**
 * Summary of a window: `raw` is what window.__uiBench.stop() returned; `speed` is the
 * requested steps per frame (the runner asks for `speed` steps each animation frame).
 */
export function summarise(raw, speed) {
  const seconds = (raw.t1 - raw.t0) / 1000;
  const intervals = [];
  for (let i = 1; i < raw.frames.length; i++) intervals.push(raw.frames[i] - raw.frames[i - 1]);
  const sorted = [...intervals].sort((a, b) => a - b);
  const share = (ms) =>
    intervals.length ? intervals.filter((d) => d > ms).length / intervals.length : NaN;
  const span = raw.frames.length > 1 ? raw.frames[raw.frames.length - 1] - raw.frames[0] : NaN;
  const fps = intervals.length ? (intervals.length * 1000) / span : 0;
  const ltDurations = raw.longTasks.map(([, d]) => d);
  const ltTotal = ltDurations.reduce((a, b) => a + b, 0);
  const steps = raw.step1 - raw.step0;
  const stepsPerSec = steps / seconds;
  return {
    seconds,
    frames: raw.frames.length,
    fps,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    over16: share(FRAME_60HZ_MS),
    over33: share(FRAME_30HZ_MS),
    longTasks: ltDurations.length,
    longTaskMs: ltTotal,
    longTaskShare: ltTotal / (seconds * 1000),
    longTaskMaxMs: ltDurations.length ? Math.max(...ltDurations) : 0,
    steps,
    stepsPerSec,
    // What the runner would do if every frame got its full request: speed × the measured fps.
    requestedPerSec: speed * fps,
    // At 60 fps the speed setting means speed × 60 steps/s; this is the share delivered.
    ofNominal: stepsPerSec / (speed * 60),
    // Frame intervals in vsync periods at 60 Hz: [1, 2, 3, 4 or more] frames.
    vsyncHistogram: [1, 2, 3, 4].map(
      (k) => intervals.filter((d) => Math.min(4, Math.max(1, Math.round(d / 16.667))) === k).length,
    ),
    stillPlaying: raw.playing,
    badgeRate: raw.rate,
    appTimers: raw.appTimers,
  };
}

const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '—');
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const num = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');

/** Markdown table of every case. */
export function table(cases) {
  const lines = [
    '| engine | speed | fps | median ms | p95 ms | max ms | > 16.7 ms (≥ 1 dropped) | > 33 ms (≥ 2 dropped) | long tasks (n / ms / share of time) | steps/s | of speed × 60 | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|',
  ];
  for (const c of cases) {
    const s = c.summary;
    if (!s) {
      lines.push(
        `| ${c.engineLabel} | ${c.speed}× | — | — | — | — | — | — | — | — | — | error: ${c.error} |`,
      );
      continue;
    }
    const note = [s.stillPlaying ? '' : 'race stopped in window', c.note ?? '']
      .filter(Boolean)
      .join('; ');
    lines.push(
      `| ${c.engineLabel} | ${c.speed}× | ${s.fps.toFixed(1)} | ${ms(s.medianMs)} | ${ms(s.p95Ms)} | ${ms(s.maxMs)} | ${pct(s.over16)} | ${pct(s.over33)} | ` +
        `${s.longTasks} / ${num(s.longTaskMs)} / ${pct(s.longTaskShare)} | ${num(s.stepsPerSec)} | ${pct(s.ofNominal)} | ${note} |`,
    );
  }
  return lines.join('\n');
}
