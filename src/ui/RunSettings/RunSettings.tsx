/** Run settings: step budget, the start point (typed or clicked) and the speed. */
import { useTranslation } from 'react-i18next';
import { MAX_STEPS } from '../../core/experiment';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { NumberField } from '../NumberField/NumberField';

const selectSteps = (s: AppState) => s.draft.steps;
const selectStart = (s: AppState) => s.draft.start;
const selectBound = (s: AppState) => s.draft.bound;

const STEPS_SPEC = { min: 1, max: MAX_STEPS, scale: 'log' as const, kind: 'int' as const };

export function RunSettings() {
  const { t } = useTranslation();
  const steps = useApp(selectSteps);
  const start = useApp(selectStart);
  const bound = useApp(selectBound);
  const coord = { min: -bound, max: bound, scale: 'linear' as const };
  const s = appStore.getState();

  return (
    <div className="run-settings">
      <NumberField testBase="steps" label={t('runSettings.steps')} value={steps} spec={STEPS_SPEC} onCommit={(v) => s.setSteps(v)} />
      <div className="start-point" data-testid="start-point" data-x={start[0]} data-y={start[1]}>
        <h4 className="sub-title">{t('runSettings.start')}</h4>
        <div className="start-point__fields">
          <StartCoord axis="x" value={start[0]} spec={coord} onCommit={(v) => s.setStart(v, appStore.getState().draft.start[1])} />
          <StartCoord axis="y" value={start[1]} spec={coord} onCommit={(v) => s.setStart(appStore.getState().draft.start[0], v)} />
        </div>
        <p className="hint">{t('runSettings.startHint')}</p>
      </div>
    </div>
  );
}

function StartCoord(props: { axis: 'x' | 'y'; value: number; spec: { min: number; max: number; scale: 'linear' }; onCommit(v: number): void }) {
  return (
    <div className="start-point__coord" data-testid={`start-${props.axis}`}>
      <NumberField testBase={`start-${props.axis}`} label={props.axis} value={props.value} spec={props.spec} onCommit={props.onCommit} slider={false} />
    </div>
  );
}
