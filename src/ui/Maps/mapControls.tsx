/**
 * What the three map panels share: the template run (picked from the race, the selected one
 * first), whether the surface is a dataset objective (no maps there yet), and the controls
 * every panel has: run, grid size, steps per run, and the PNG / CSV export buttons.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getObjective } from '../../core/objectives';
import type { RunDraft } from '../../store/draft';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { runName } from '../text/names';

/** The most steps per run a map offers. */
export const MAX_MAP_STEPS = 100_000;

const selectRuns = (s: AppState) => s.draft.runs;
/** The running experiment's objective is a finite sum over data. */
const selectDataset = (s: AppState) => getObjective(s.resolved.objective.id).dataset !== undefined;

/** The race's runs, the one the map is made of (the selected run at first), and its index. */
export function useTemplateRun() {
  const runs = useApp(selectRuns);
  const [uid, setUid] = useState(() => appStore.getState().selectedUid ?? runs[0]?.uid ?? '');
  const runIndex = Math.max(0, runs.findIndex((r) => r.uid === uid));
  return { runs, uid, setUid, runIndex, run: runs[runIndex] as RunDraft | undefined };
}

/** True (and re-rendering) while the surface is a dataset objective. */
export const useDatasetObjective = () => useApp(selectDataset);

/** `text` as a whole number in [min, max]; `fallback` when it is not a number. */
export function clampInt(text: string, min: number, max: number, fallback: number): number {
  return Math.max(min, Math.min(max, Math.floor(Number(text) || fallback)));
}

export function RunSelect({ testId, runs, uid, onChange }: { testId: string; runs: readonly RunDraft[]; uid: string; onChange: (uid: string) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('maps.run')}
      <select data-testid={testId} value={uid} onChange={(e) => onChange(e.target.value)}>
        {runs.map((r) => (
          <option key={r.uid} value={r.uid}>
            {runName(t, r)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Square grids of `sizes` cells a side (and the current one, should it be another). */
export function GridSelect({ testId, sizes, cells, onChange }: { testId: string; sizes: readonly number[]; cells: number; onChange: (cells: number) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('maps.grid')}
      <select data-testid={testId} value={cells} onChange={(e) => onChange(Number(e.target.value))}>
        {[...new Set([...sizes, cells])].sort((a, b) => a - b).map((n) => (
          <option key={n} value={n}>
            {n} × {n}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StepsInput({ testId, steps, onChange }: { testId: string; steps: number; onChange: (steps: number) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('maps.steps')}
      <input type="number" min={1} max={MAX_MAP_STEPS} data-testid={testId} value={steps} onChange={(e) => onChange(clampInt(e.target.value, 1, MAX_MAP_STEPS, 1))} />
    </label>
  );
}

export function ExportButtons({ onPng, onCsv }: { onPng: () => void; onCsv: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="btn" data-testid="map-png" onClick={onPng}>
        {t('maps.png')}
      </button>
      <button type="button" className="btn" data-testid="map-csv" onClick={onCsv}>
        {t('maps.csv')}
      </button>
    </>
  );
}

/** The note shown instead of a map on a dataset objective. */
export function DatasetNote() {
  const { t } = useTranslation();
  return (
    <p className="maps__empty" data-testid="map-dataset-note">
      {t('maps.datasetNote')}
    </p>
  );
}
