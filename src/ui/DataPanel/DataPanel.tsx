/**
 * The "Data" card: for dataset objectives only, the samples in data space with each run's
 * current model (regression line or decision boundary). React mounts the D3 factory once per
 * language and data kind; the store's vanilla subscribe feeds it as the race steps.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getObjective } from '../../core/objectives';
import { createDataView } from '../../plots/dataView';
import type { DataView } from '../../plots/dataView/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { dataViewState } from './dataState';

const selectDatasetKind = (s: AppState) => getObjective(s.resolved.objective.id).dataset?.kind ?? null;

function DataPlot() {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const nf = new Intl.NumberFormat(i18n.language);
    const view: DataView = createDataView(el, {
      ariaLabel: t('data.aria'),
      labels: {
        x: t('data.axisX'),
        y: t('data.axisY'),
        x1: t('data.axisX1'),
        x2: t('data.axisX2'),
        class0: t('data.class0'),
        class1: t('data.class1'),
        shownOf: (shown, total) => t('data.shownOf', { shown: nf.format(shown), total: nf.format(total) }),
      },
    });
    const push = (s: AppState) => {
      const state = dataViewState(s);
      if (state) view.update(state);
    };
    push(appStore.getState());
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (
        s.dataVersion !== prev.dataVersion ||
        s.draft !== prev.draft ||
        s.resolved !== prev.resolved ||
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
  }, [t, i18n.language]);

  return <div className="data-panel__plot" ref={host} />;
}

/** The card; renders nothing unless the objective is a dataset objective. */
export function DataPanel() {
  const { t } = useTranslation();
  const kind = useApp(selectDatasetKind);
  if (!kind) return null;
  return (
    <section className="card stage__data data-panel" aria-label={t('data.title')} data-testid="data-view">
      <h2 className="card__title data-panel__title">
        {t('data.title')}
      </h2>
      <p className="data-panel__note">{t(kind === 'regression' ? 'data.fitNote' : 'data.boundaryNote')}</p>
      <DataPlot />
    </section>
  );
}
