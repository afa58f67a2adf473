/**
 * The main surface view. React mounts the D3 factory once; afterwards the store's vanilla
 * subscribe feeds it every frame, so trajectories animate without React re-renders.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createSurfaceView } from '../../plots/surface';
import type { SurfaceView } from '../../plots/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { surfaceState } from './surfaceState';

const selectZoomed = (s: AppState) => s.view !== null;
const selectObjectiveId = (s: AppState) => s.draft.objective.id;

export function SurfacePanel() {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const zoomed = useApp(selectZoomed);
  const objectiveId = useApp(selectObjectiveId);
  const name = t(`surface.names.${objectiveId}`);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const labels = {
      gradient: t('view.gradient'),
      velocity: t('view.velocity'),
      step: t('view.stepArrow'),
      effective: t('view.effective'),
    };
    const view: SurfaceView = createSurfaceView(el, {
      ariaLabel: t('view.aria', { name }),
      labels: { start: t('view.start'), minimum: t('view.minimum'), byRank: t('view.byRank'), byRankTitle: t('view.byRankTitle') },
      onStartChange: (x, y) => appStore.getState().setStart(x, y),
      onViewChange: (box) => appStore.getState().setView(box),
      onSelectRun: (id) => appStore.getState().selectRun(id),
    });
    const push = (s: AppState) => view.update(surfaceState(s, labels));
    push(appStore.getState());
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (
        s.dataVersion !== prev.dataVersion ||
        s.draft !== prev.draft ||
        s.resolved !== prev.resolved ||
        s.view !== prev.view ||
        s.theme !== prev.theme ||
        s.selectedUid !== prev.selectedUid
      ) {
        push(s);
      }
    });
    return () => {
      unsubscribe();
      view.destroy();
    };
    // Re-created when the language changes so the aria-label and marker words follow it.
  }, [t, i18n.language, name]);

  return (
    <div className="surface-panel">
      <div className="surface-panel__plot" ref={host} />
      <div className="surface-panel__overlay">
        <span className="hint surface-panel__hint">{t('view.zoomHint')}</span>
        {zoomed && (
          <button type="button" className="btn btn--small" data-testid="reset-zoom" onClick={() => appStore.getState().setView(null)}>
            <Icon name="zoomOut" size={16} />
            {t('view.resetZoom')}
          </button>
        )}
      </div>
    </div>
  );
}
