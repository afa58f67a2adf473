/** The stage when a map is chosen (issue 13): the map's panel in the tab panel. */
import type { StageView } from '../../store/uiSlice';
import { BasinMapPanel } from './BasinMapPanel';
import { HyperMapPanel } from './HyperMapPanel';
import { SwarmPanel } from './SwarmPanel';

export function MapStage({ view }: { view: Exclude<StageView, 'race'> }) {
  return (
    <div className="stage__view stage__view--map" id="gs-stage-view" role="tabpanel" aria-labelledby={`gs-tab-${view}`}>
      {view === 'hyper' ? <HyperMapPanel /> : view === 'basin' ? <BasinMapPanel /> : <SwarmPanel />}
    </div>
  );
}
