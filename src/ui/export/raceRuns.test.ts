import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../../core/experiment';
import type { EngineSnapshot } from '../../engine/types';
import { createAppStore } from '../../store/store';
import { trajectoryCsv } from './csv';
import { raceRuns, type NamedRun } from './raceRuns';

const name = (r: NamedRun) => r.label || `${r.optimizer} ${r.ordinal}`;

/** A race of three runs that recorded steps 0..2 (samples for 1 and 2). */
function race() {
  const store = createAppStore();
  const e = resolveExperiment({
    objective: { id: 'quadratic' },
    runs: [{ optimizer: 'adam', label: '' }, { optimizer: 'gd', label: 'mine, "best"' }, { optimizer: 'adam', label: '', hidden: true }],
  });
  store.getState().loadExperiment(e, null);
  const uids = store.getState().draft.runs.map((r) => r.uid);
  store.getState().beginRace(uids, []);
  const f = (v: number[]) => Float64Array.from(v);
  const snap = (step: number, x: number[], samples?: EngineSnapshot['samples']): EngineSnapshot => ({
    step,
    x: f(x),
    y: f(x.map((v) => v / 2)),
    loss: f(x.map((v) => v * v)),
    gradNorm: f(x),
    status: x.map(() => ({ kind: 'running' as const })),
    samples,
  });
  store.getState().ingest(snap(0, [1, 2, 3]));
  const sx = [0.5, 0.25, 1.5, 1, 2, 1];
  store.getState().ingest(
    snap(2, [0.25, 1, 1], { steps: Int32Array.from([1, 2]), x: f(sx), y: f(sx.map((v) => v / 2)), loss: f(sx.map((v) => v * v)), gradNorm: f(sx) }),
  );
  return store;
}

describe('raceRuns', () => {
  it('lists every run of the race in race order with its recorded series, hidden ones included', () => {
    const runs = raceRuns(race().getState(), name);
    expect(runs.map((r) => [r.label, r.optimizer, r.hidden, r.length])).toEqual([
      ['adam 1', 'adam', false, 3],
      ['mine, "best"', 'gd', false, 3],
      ['adam 2', 'adam', true, 3],
    ]);
    expect(Array.from(runs[1].x).slice(0, 3)).toEqual([2, 1.5, 1]);
    expect(runs[0].color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('counts ordinals in race order, not from the draft, so the labels follow from the experiment', () => {
    const store = race();
    const s = store.getState();
    store.setState({ draft: { ...s.draft, runs: s.draft.runs.map((r, i) => (i === 2 ? { ...r, ordinal: 7 } : r)) } });
    expect(raceRuns(store.getState(), name).map((r) => r.label)).toEqual(['adam 1', 'mine, "best"', 'adam 2']);
  });

  it('gives the CSV every step of every run: steps 0..2, x as recorded', () => {
    const csv = trajectoryCsv(raceRuns(race().getState(), name));
    expect(csv.split('\n')).toEqual([
      'run,label,optimizer,step,x,y,loss',
      '0,adam 1,adam,0,1,0.5,1',
      '0,adam 1,adam,1,0.5,0.25,0.25',
      '0,adam 1,adam,2,0.25,0.125,0.0625',
      '1,"mine, ""best""",gd,0,2,1,4',
      '1,"mine, ""best""",gd,1,1.5,0.75,2.25',
      '1,"mine, ""best""",gd,2,1,0.5,1',
      '2,adam 2,adam,0,3,1.5,9',
      '2,adam 2,adam,1,2,1,4',
      '2,adam 2,adam,2,1,0.5,1',
      '',
    ]);
  });
});
