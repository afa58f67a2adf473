/**
 * The swarm view (issue 13): N start points drawn uniformly over the surface's current window
 * from a seed (core/maps/swarm), one template run from each for K steps (engine replicas in
 * throughput mode, ./useMapJob: nothing recorded, each chunk reads back the positions, which
 * are the picture), animated as a point cloud in the run's colour over the race's surface.
 * Chunks start at one step and grow with the step number (log time), so the swarm's first
 * moves are seen step by step and its long tail passes quickly. Diverged points vanish.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { basinTolerance, SWARM_SIZES, swarmExperiment, swarmStarts, swarmSummary, type SwarmCounts } from '../../core/maps';
import type { KnownMinimum } from '../../core/objectives/types';
import type { EngineSnapshot } from '../../engine/types';
import { createSurfaceView } from '../../plots/surface';
import type { SurfaceView } from '../../plots/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { boundOf } from '../SurfacePanel/surfaceState';
import { formatValue } from '../text/format';
import { runName, surfaceName } from '../text/names';
import { clampInt, DatasetNote, ExportButtons, RunSelect, StepsInput, useDatasetObjective, useTemplateRun } from './mapControls';
import { MapProgress } from './MapProgress';
import { downloadSwarmPng, surfaceKeyOf, swarmViewState, type SwarmCloud } from './swarmView';
import { downloadText, swarmCsv } from './mapExport';
import { useMapJob } from './useMapJob';

/** Default sizes: what each engine animates smoothly. */
const GPU_SIZE = 10_000;
const CPU_SIZE = 2_000;
/** Chunk pacing: one step first, then at most 1/8 of the steps done, ~40 ms each. */
const PACING = { firstChunk: 1, targetMs: 40, maxChunk: (done: number) => Math.ceil(done / 8) } as const;

const selectGpu = (s: AppState) => s.engineInfo?.kind === 'gpu';
const selectObjectiveId = (s: AppState) => s.resolved.objective.id;

interface Readout extends SwarmCounts {
  readonly step: number;
  readonly minima: readonly KnownMinimum[];
}

/** At most this many minima are listed under the readout (the most visited first). */
const LISTED_MINIMA = 6;

export function SwarmPanel() {
  const { t, i18n } = useTranslation();
  const { runs, uid, setUid, runIndex, run } = useTemplateRun();
  const gpu = useApp(selectGpu);
  const dataset = useDatasetObjective();
  const objectiveId = useApp(selectObjectiveId);
  const [size, setSize] = useState<number>(gpu ? GPU_SIZE : CPU_SIZE);
  const sizeTouched = useRef(false);
  const [steps, setSteps] = useState(() => Math.min(500, appStore.getState().resolved.steps));
  const [seed, setSeed] = useState(() => appStore.getState().resolved.seed);
  const [readout, setReadout] = useState<Readout | null>(null);
  /** The last chunk's snapshot and the starts it ran from (the CSV export). */
  const last = useRef<{ starts: Float64Array; snap: EngineSnapshot } | null>(null);
  const { state: job, run: runJob, cancel } = useMapJob();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<SurfaceView | null>(null);
  const cloud = useRef<SwarmCloud | null>(null);
  const running = useRef(false);
  running.current = job.running;

  // The engine is known a moment after the page opens: follow it until the user picks a size.
  useEffect(() => {
    if (!sizeTouched.current) setSize(gpu ? GPU_SIZE : CPU_SIZE);
  }, [gpu]);

  // The surface view, fed from the store (window, theme, surface) and from the job's chunks.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const v = createSurfaceView(el, {
      ariaLabel: t('maps.swarm.aria'),
      labels: { start: t('view.start'), minimum: t('view.minimum'), byRank: t('view.byRank'), byRankTitle: t('view.byRankTitle') },
      startHandle: false,
      onStartChange: () => undefined,
      onViewChange: (box) => appStore.getState().setView(box),
    });
    view.current = v;
    v.update(swarmViewState(appStore.getState(), cloud.current));
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.resolved === prev.resolved && s.view === prev.view && s.theme === prev.theme && s.draft === prev.draft) return;
      // Another surface: the swarm belonged to the old one; stop it rather than mislead.
      if (cloud.current && cloud.current.surfaceKey !== surfaceKeyOf(s) && running.current) cancel();
      v.update(swarmViewState(s, cloud.current));
    });
    return () => {
      unsubscribe();
      v.destroy();
      view.current = null;
    };
  }, [t, i18n.language, cancel]);

  const start = () => {
    const s = appStore.getState();
    const template = s.draft.runs[runIndex];
    if (!template || !s.resolved.runs[runIndex]) return;
    const { bound } = boundOf(s);
    const box = s.view ?? bound.def.view;
    const starts = swarmStarts(size, box, seed);
    const tol = basinTolerance(box);
    const surfaceKey = surfaceKeyOf(s);
    const xs = new Float32Array(size);
    const ys = new Float32Array(size);
    s.pause();
    const onSnapshot = (snap: EngineSnapshot) => {
      last.current = { starts, snap };
      const counts = swarmSummary(snap.x, snap.y, snap.status, bound.minima, tol, xs, ys);
      cloud.current = { id: 'swarm', color: template.color, hidden: false, x: xs, y: ys, length: size, surfaceKey };
      view.current?.update(swarmViewState(appStore.getState(), cloud.current));
      setReadout({ ...counts, step: snap.step, minima: bound.minima });
    };
    void runJob(swarmExperiment(s.resolved, runIndex, steps), onSnapshot, starts, PACING);
  };

  const csv = () => {
    const l = last.current;
    if (l) downloadText(swarmCsv(l.starts, l.snap.x, l.snap.y, l.snap.status), 'swarm.csv');
  };

  const png = () => {
    const el = host.current;
    const c = cloud.current;
    if (!el || !c || !run) return;
    const n = c.length.toLocaleString();
    void downloadSwarmPng(el, { label: t('maps.swarm.legend', { run: runName(t, run), n }), color: c.color }, t('maps.swarm.title', { surface: surfaceName(t, objectiveId), run: runName(t, run), n }));
  };

  /** "At the minima: (3, 2) 262 · …", the most visited first; null before any point arrives. */
  const perMinimum = (r: Readout): string | null => {
    const order = [...r.perMinimum.keys()].filter((k) => r.perMinimum[k] > 0).sort((a, b) => r.perMinimum[b] - r.perMinimum[a]);
    if (order.length === 0) return null;
    const items = order.slice(0, LISTED_MINIMA).map((k) => t('maps.swarm.minimumItem', { x: formatValue(r.minima[k].x), y: formatValue(r.minima[k].y), n: r.perMinimum[k].toLocaleString() }));
    return t('maps.swarm.perMinimum', { list: items.join(' · ') + (order.length > LISTED_MINIMA ? ' …' : '') });
  };

  if (!run) return <p className="maps__empty">{t('maps.noRuns')}</p>;
  const sizes = [...new Set([...SWARM_SIZES, size])].sort((a, b) => a - b);
  const n = size.toLocaleString();

  return (
    <div className="maps" data-testid="swarm-panel">
      <div className="maps__controls">
        <RunSelect testId="swarm-run" runs={runs} uid={uid} onChange={setUid} />
        <label>
          {t('maps.swarm.points')}
          <select
            data-testid="swarm-size"
            value={size}
            onChange={(e) => {
              sizeTouched.current = true;
              setSize(Number(e.target.value));
            }}
          >
            {sizes.map((k) => (
              <option key={k} value={k}>
                {k.toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <StepsInput testId="swarm-steps" steps={steps} onChange={setSteps} />
        <label>
          {t('maps.swarm.seed')}
          <input type="number" min={0} max={4294967295} data-testid="swarm-seed" value={seed} onChange={(e) => setSeed(clampInt(e.target.value, 0, 4294967295, 0))} />
        </label>
        <button type="button" className="btn btn--primary" data-testid="map-compute" disabled={job.running || dataset} onClick={start}>
          {t(readout ? 'maps.swarm.restart' : 'maps.swarm.start', { n })}
        </button>
        {readout && !job.running && <ExportButtons onPng={png} onCsv={csv} />}
      </div>
      {dataset && <DatasetNote />}
      <MapProgress job={job} runs={cloud.current?.length ?? size} onCancel={cancel} />
      <div className="maps__view" ref={host} />
      {readout && (
        <p
          className="maps__hint maps__readout"
          data-testid="swarm-readout"
          data-step={readout.step}
          data-total={readout.total}
          data-converged={readout.converged}
          data-diverged={readout.diverged}
          data-at-minimum={readout.atMinimum}
          data-per-minimum={Array.from(readout.perMinimum).join(',')}
        >
          {t('maps.swarm.readout', {
            step: readout.step.toLocaleString(),
            converged: readout.converged.toLocaleString(),
            total: readout.total.toLocaleString(),
            diverged: readout.diverged.toLocaleString(),
            atMinimum: readout.atMinimum.toLocaleString(),
          })}
          {perMinimum(readout) && <span className="maps__readout-minima">{` ${perMinimum(readout)}`}</span>}
        </p>
      )}
      <p className="maps__hint">
        {t('maps.swarm.hint')}
        {!gpu && size > CPU_SIZE ? ` ${t('maps.swarm.slow')}` : ''}
      </p>
    </div>
  );
}
