/**
 * The playground's layout: header, control panel (sidebar or drawer), the surface view with
 * playback and run legend, the live charts and the explain panel.
 */
import { useTranslation } from 'react-i18next';
import { Charts } from './ui/Charts/Charts';
import { ControlPanel } from './ui/ControlPanel/ControlPanel';
import { DataPanel } from './ui/DataPanel/DataPanel';
import { ExplainPanel } from './ui/ExplainPanel/ExplainPanel';
import { FaultBanner } from './ui/FaultBanner/FaultBanner';
import { Header } from './ui/Header/Header';
import { HelpOverlay } from './ui/HelpOverlay/HelpOverlay';
import { LessonCard } from './ui/LessonPanel/LessonCard';
import { SharePanel } from './ui/SharePanel/SharePanel';
import { EmbedBar } from './ui/EmbedBar/EmbedBar';
import { PlaybackBar } from './ui/PlaybackBar/PlaybackBar';
import { RunStatusList } from './ui/RunStatusList/RunStatusList';
import { SurfacePanel } from './ui/SurfacePanel/SurfacePanel';
import { useShortcuts } from './ui/shortcuts/useShortcuts';
import { StageTabs } from './ui/Maps/StageTabs';
import { MapStage } from './ui/Maps/MapStage';
import { useApp } from './store/store';
import type { AppState } from './store/state';

const selectStageView = (s: AppState) => s.stageView;

export function App() {
  const { t } = useTranslation();
  const stageView = useApp(selectStageView);
  useShortcuts();
  return (
    <div className="app">
      <a className="skip" href="#gs-stage">
        {t('app.skip')}
      </a>
      <Header />
      <EmbedBar />
      <FaultBanner />
      <div className="layout">
        <ControlPanel />
        <main className="stage" id="gs-stage" tabIndex={-1}>
          <LessonCard />
          <section className="card stage__surface" aria-label={t('panel.surface')}>
            <StageTabs />
            {stageView === 'race' ? (
              <div className="stage__view" id="gs-stage-view" role="tabpanel" aria-labelledby="gs-tab-race">
                <PlaybackBar />
                <SurfacePanel />
                <RunStatusList />
              </div>
            ) : (
              <MapStage view={stageView} />
            )}
          </section>
          <DataPanel />
          <div className="stage__side">
            <section className="card stage__charts" aria-label={t('charts.loss')}>
              <Charts />
            </section>
            <ExplainPanel />
          </div>
        </main>
      </div>
      <HelpOverlay />
      <SharePanel />
    </div>
  );
}
