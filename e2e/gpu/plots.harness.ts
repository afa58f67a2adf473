/**
 * Plots harness: mounts createSurfaceView (Rosenbrock, light, log colours; six-hump camel,
 * dark, log colours with negative values) and createLineChart with synthetic runs computed here
 * (GD, heavy ball, Adam, RMSprop on Rosenbrock, plus a GD that diverges). Records every callback
 * on window.plotsHarness for e2e/gpu/plots.spec.ts. No engine: the plots only need arrays.
 */
import { createLineChart, createSurfaceView } from '../../src/plots/index';
import type { Box, LineSeries, SurfaceRun, SurfaceViewState } from '../../src/plots/types';

type Grad = (x: number, y: number) => [number, number];
const rosen = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const rosenGrad: Grad = (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
const camel = (x: number, y: number) =>
  (4 - 2.1 * x * x + x ** 4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y;
const camelGrad: Grad = (x, y) => [8 * x - 8.4 * x ** 3 + 2 * x ** 5 + y, x - 8 * y + 16 * y ** 3];

interface Sim {
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  length: number;
  divergedAt?: number;
  last: {
    g: [number, number];
    v: [number, number];
    step: [number, number];
    box?: [number, number];
  };
}

/** Runs `steps` updates of a named optimizer (the textbook forms; only the harness uses them). */
function simulate(
  kind: 'gd' | 'heavy' | 'adam' | 'rmsprop',
  lr: number,
  start: [number, number],
  steps: number,
  f: (x: number, y: number) => number,
  grad: Grad,
): Sim {
  const x = new Float64Array(steps + 1);
  const y = new Float64Array(steps + 1);
  const loss = new Float64Array(steps + 1);
  let [px, py] = start;
  let m = [0, 0];
  let v = [0, 0];
  let b1t = 1;
  let b2t = 1;
  let last: Sim['last'] = { g: [0, 0], v: [0, 0], step: [0, 0] };
  let n = 0;
  let divergedAt: number | undefined;
  for (let t = 0; t <= steps; t++) {
    x[t] = px;
    y[t] = py;
    loss[t] = f(px, py);
    n = t + 1;
    if (!Number.isFinite(loss[t]) || Math.abs(px) > 1e6 || Math.abs(py) > 1e6) {
      divergedAt = t;
      break;
    }
    if (t === steps) break;
    const g = grad(px, py);
    let d: [number, number];
    if (kind === 'gd') d = [-lr * g[0], -lr * g[1]];
    else if (kind === 'heavy') {
      m = [0.9 * m[0] + g[0], 0.9 * m[1] + g[1]];
      d = [-lr * m[0], -lr * m[1]];
    } else if (kind === 'rmsprop') {
      v = [0.99 * v[0] + 0.01 * g[0] ** 2, 0.99 * v[1] + 0.01 * g[1] ** 2];
      d = [(-lr * g[0]) / (Math.sqrt(v[0]) + 1e-8), (-lr * g[1]) / (Math.sqrt(v[1]) + 1e-8)];
    } else {
      b1t *= 0.9;
      b2t *= 0.999;
      m = [0.9 * m[0] + 0.1 * g[0], 0.9 * m[1] + 0.1 * g[1]];
      v = [0.999 * v[0] + 0.001 * g[0] ** 2, 0.999 * v[1] + 0.001 * g[1] ** 2];
      const s = [lr / (Math.sqrt(v[0] / b2t) + 1e-8), lr / (Math.sqrt(v[1] / b2t) + 1e-8)];
      d = [(-s[0] * m[0]) / (1 - b1t), (-s[1] * m[1]) / (1 - b1t)];
      last = { g, v: [m[0] / (1 - b1t), m[1] / (1 - b1t)], step: d, box: [s[0], s[1]] };
    }
    if (kind !== 'adam') last = { g, v: [m[0], m[1]], step: d };
    px += d[0];
    py += d[1];
  }
  return { x, y, loss, length: n, divergedAt, last };
}

const COLORS = ['#e8590c', '#1c7ed6', '#d6336c', '#2b8a3e', '#7048e8'];
const SPECS = [
  { id: 'gd', label: 'GD', kind: 'gd', lr: 0.0012 },
  { id: 'heavy', label: 'SGD momentum', kind: 'heavy', lr: 0.00025 },
  { id: 'adam', label: 'Adam', kind: 'adam', lr: 0.02 },
  { id: 'rmsprop', label: 'RMSprop', kind: 'rmsprop', lr: 0.004 },
  { id: 'gd-big', label: 'GD lr=0.01', kind: 'gd', lr: 0.0105 },
] as const;
const STEPS = 1500;

function makeRuns(start: [number, number], f: typeof rosen, grad: Grad) {
  return SPECS.map((s, i) => ({
    spec: s,
    color: COLORS[i],
    sim: simulate(s.kind, s.lr, start, STEPS, f, grad),
  }));
}

const events = {
  starts: [] as [number, number][],
  views: [] as Box[],
  selects: [] as string[],
  errors: [] as string[],
};

function mount(
  el: HTMLElement,
  theme: 'light' | 'dark',
  base: Omit<SurfaceViewState, 'runs' | 'theme' | 'selected'>,
  sims: ReturnType<typeof makeRuns>,
  record: boolean,
) {
  let state: SurfaceViewState;
  const view = createSurfaceView(el, {
    ariaLabel: `Loss surface (${theme})`,
    labels: { start: 'Start', minimum: 'Minimum' },
    onStartChange(x, y) {
      if (record) events.starts.push([x, y]);
      state = { ...state, start: [x, y] };
      view.update(state);
    },
    onViewChange(v) {
      if (record) events.views.push(v);
      state = { ...state, view: v };
      view.update(state);
    },
    onSelectRun(id) {
      if (record) events.selects.push(id);
    },
  });
  const runs: SurfaceRun[] = sims.map(({ spec, color, sim }) => ({
    id: spec.id,
    color,
    hidden: false,
    x: sim.x,
    y: sim.y,
    length: sim.length,
    status:
      sim.divergedAt !== undefined
        ? { kind: 'diverged', step: sim.divergedAt, reason: 'bound' }
        : { kind: 'running' },
  }));
  const adam = sims.find((s) => s.spec.id === 'adam')!.sim.last;
  state = {
    ...base,
    theme,
    runs,
    selected: {
      id: 'adam',
      arrows: [
        { kind: 'gradient', dx: adam.g[0], dy: adam.g[1], label: '−∇f' },
        { kind: 'velocity', dx: -adam.v[0], dy: -adam.v[1], label: '−m̂' },
        { kind: 'step', dx: adam.step[0], dy: adam.step[1], label: 'Δθ' },
      ],
      boxes: { w: adam.box![0], h: adam.box![1], label: 'lr/(√v̂+ε)' },
    },
  };
  view.update(state);
  return {
    view,
    get state() {
      return state;
    },
    set(next: SurfaceViewState) {
      state = next;
      view.update(state);
    },
  };
}

const rosenSims = makeRuns([-1.6, 2.4], rosen, rosenGrad);
const light = mount(
  document.getElementById('surface')!,
  'light',
  {
    field: { key: 'rosenbrock', evaluate: rosen },
    view: { x: [-2, 2], y: [-1, 3] },
    colorScale: 'log',
    minima: [{ x: 1, y: 1, value: 0, global: true }],
    start: [-1.6, 2.4],
  },
  rosenSims,
  true,
);

const camelSims = makeRuns([-1.9, 0.9], camel, camelGrad);
mount(
  document.getElementById('surface-dark')!,
  'dark',
  {
    field: { key: 'camel', evaluate: camel },
    view: { x: [-2.2, 2.2], y: [-1.2, 1.2] },
    colorScale: 'log',
    minima: [
      { x: 0.0898, y: -0.7126, value: -1.0316, global: true },
      { x: -0.0898, y: 0.7126, value: -1.0316, global: true },
      { x: 1.7036, y: -0.7961, value: -0.2155, global: false },
      { x: -1.7036, y: 0.7961, value: -0.2155, global: false },
      { x: 1.6071, y: 0.5687, value: 2.1043, global: false },
      { x: -1.6071, y: -0.5687, value: 2.1043, global: false },
    ],
    start: [-1.9, 0.9],
  },
  camelSims,
  false,
);

const chart = createLineChart(document.getElementById('chart')!, {
  xLabel: 'step',
  yLabel: 'f(x, y)',
  ariaLabel: 'Loss per step',
  testId: 'loss-chart',
});
const series: LineSeries[] = rosenSims.map(({ spec, color, sim }) => ({
  id: spec.id,
  label: spec.label,
  color,
  hidden: false,
  values: sim.loss,
  length: sim.length,
  divergedAt: sim.divergedAt,
  divergedLabel: sim.divergedAt !== undefined ? `${spec.label} diverged` : undefined,
}));
chart.update({ series, yScale: 'log', xMax: STEPS, theme: 'light' });

/**
 * Stress: 10 runs × 10k points on the light view, `perFrame` samples appended per run per
 * frame, then one full redraw per frame while panning. Returns frame intervals (ms) for a report;
 * the spec does not assert on them (wall time varies by machine).
 */
async function stress(
  perFrame: number,
): Promise<{ appendMean: number; appendP95: number; panMean: number; points: number }> {
  const N = 10_000;
  const runs: SurfaceRun[] = Array.from({ length: 10 }, (_, r) => {
    const x = new Float64Array(N);
    const y = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const t = i / N;
      const a = 12 * Math.PI * t + r;
      x[i] = 1 + (1 - t) * 1.6 * Math.cos(a);
      y[i] = 1 + (1 - t) * 1.6 * Math.sin(a) * 0.8;
    }
    return {
      id: `s${r}`,
      color: COLORS[r % COLORS.length],
      hidden: false,
      x,
      y,
      length: 1,
      status: { kind: 'running' },
    };
  });
  const frame = () => new Promise<number>((res) => requestAnimationFrame(res));
  const intervals: number[] = [];
  let t0 = await frame();
  for (let len = 1; len < N; len += perFrame) {
    light.set({
      ...light.state,
      selected: undefined,
      runs: runs.map((r) => ({ ...r, length: Math.min(N, len) })),
    });
    const t = await frame();
    intervals.push(t - t0);
    t0 = t;
  }
  const full = runs.map((r) => ({ ...r, length: N }));
  const pans: number[] = [];
  const v0 = light.state.view;
  for (let k = 0; k < 30; k++) {
    const d = 0.01 * k;
    light.set({ ...light.state, runs: full, view: { x: [v0.x[0] + d, v0.x[1] + d], y: v0.y } });
    const t = await frame();
    pans.push(t - t0);
    t0 = t;
  }
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  return {
    appendMean: mean(intervals),
    appendP95: sorted[Math.floor(0.95 * sorted.length)],
    panMean: mean(pans),
    points: 10 * N,
  };
}

declare global {
  interface Window {
    plotsHarness: {
      ready: boolean;
      events: typeof events;
      view(): Box;
      runLabels: string[];
      stress(perFrame: number): ReturnType<typeof stress>;
    };
  }
}
window.plotsHarness = {
  ready: true,
  events,
  view: () => light.state.view,
  runLabels: series.map((s) => s.label),
  stress,
};
