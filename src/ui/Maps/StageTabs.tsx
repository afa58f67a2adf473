/**
 * The stage's views: the race, and the many-run maps of issue 13 (hyperparameter map, basin
 * map, swarm). A tab list (arrow keys move between tabs); the race keeps running state while a
 * map is shown, and every map works on the race's current experiment.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import type { StageView } from '../../store/uiSlice';

export const STAGE_VIEWS: readonly StageView[] = ['race', 'hyper', 'basin', 'swarm'];
const selectView = (s: AppState) => s.stageView;

export function StageTabs() {
  const { t } = useTranslation();
  const view = useApp(selectView);
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = STAGE_VIEWS.indexOf(view);
    const next = STAGE_VIEWS[(i + (e.key === 'ArrowRight' ? 1 : STAGE_VIEWS.length - 1)) % STAGE_VIEWS.length];
    appStore.getState().setStageView(next);
    (e.currentTarget.querySelector(`[data-view="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div className="stage-tabs" role="tablist" aria-label={t('maps.views')} data-testid="stage-tabs" onKeyDown={onKey}>
      {STAGE_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`gs-tab-${v}`}
          aria-selected={v === view}
          aria-controls="gs-stage-view"
          tabIndex={v === view ? 0 : -1}
          data-view={v}
          data-testid={`stage-tab-${v}`}
          className="stage-tabs__tab"
          onClick={() => appStore.getState().setStageView(v)}
        >
          {t(`maps.tab.${v}`)}
        </button>
      ))}
    </div>
  );
}
