/**
 * The control panel: lessons, surface, optimizers, run settings. A sidebar on wide screens; a drawer
 * (opened from the header) on phones.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { LessonPicker } from '../LessonPanel/LessonPicker';
import { OptimizerList } from '../OptimizerList/OptimizerList';
import { RunSettings } from '../RunSettings/RunSettings';
import { SurfacePicker } from '../SurfacePicker/SurfacePicker';

const selectDrawer = (s: AppState) => s.drawerOpen;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel__section" aria-labelledby={id} data-section={id}>
      <h2 className="panel__title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ControlPanel() {
  const { t } = useTranslation();
  const open = useApp(selectDrawer);
  return (
    <>
      {open && <div className="scrim" onClick={() => appStore.getState().setDrawerOpen(false)} aria-hidden="true" />}
      <aside id="gs-panel" className={open ? 'panel is-open' : 'panel'} data-testid="control-panel" aria-label={t('header.controls')}>
        <div className="panel__drawer-head">
          <span className="panel__drawer-title">{t('header.controls')}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('header.closeControls')}
            data-testid="drawer-close"
            onClick={() => appStore.getState().setDrawerOpen(false)}
          >
            <Icon name="close" />
          </button>
        </div>
        <Section id="gs-sec-lessons" title={t('lessons.title')}>
          <LessonPicker />
        </Section>
        <Section id="gs-sec-surface" title={t('panel.surface')}>
          <SurfacePicker />
        </Section>
        <Section id="gs-sec-opt" title={t('panel.optimizers')}>
          <OptimizerList />
        </Section>
        <Section id="gs-sec-run" title={t('panel.run')}>
          <RunSettings />
        </Section>
      </aside>
    </>
  );
}
