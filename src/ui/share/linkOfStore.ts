/**
 * The store ↔ share-link state mapping. A run without a label of its own (label '' in the
 * draft: "the optimizer's translated name") travels as the default label, so links stay short
 * and open in the reader's language; a link's default label comes back as ''.
 */
import { getOptimizer } from '../../core/optimizers';
import type { ResolvedExperiment } from '../../core/experiment';
import type { LinkNotice, LinkState } from '../../core/shareLink';
import { withAvailableData } from '../../core/shareLink/importedData';
import type { AppState } from '../../store/state';
import type { AppStore } from '../../store/store';

/** The link state of the app as it is now. */
export function linkStateOf(s: AppState): LinkState {
  const e = s.resolved;
  const experiment: ResolvedExperiment = {
    ...e,
    runs: e.runs.map((r) => (r.label === '' ? { ...r, label: getOptimizer(r.optimizer).name } : r)),
  };
  return {
    experiment,
    view: s.view ? { x: [s.view.x[0], s.view.x[1]], y: [s.view.y[0], s.view.y[1]] } : null,
    lang: s.language,
    mode: { present: s.presenting, embed: s.embed, hide: [...s.hidden], lesson: s.lessonId ?? null },
  };
}

/**
 * Applies a decoded link (or remembered state) to the store: a new race, view, language, modes.
 * Returns what could not be applied beyond the decoder's notices: imported data that this tab
 * does not have (the race then runs on generated data, in the surface's own view).
 */
export function applyLinkState(store: AppStore, link: LinkState): LinkNotice[] {
  const available = withAvailableData(link.experiment);
  const e = available.experiment;
  const experiment: ResolvedExperiment = {
    ...e,
    runs: e.runs.map((r) => (r.label === getOptimizer(r.optimizer).name ? { ...r, label: '' } : r)),
  };
  const s = store.getState();
  s.loadExperiment(experiment, available.notices.length > 0 ? null : link.view);
  if (link.lang) s.setLanguage(link.lang);
  s.setPresenting(link.mode.present);
  s.setEmbed(link.mode.embed);
  s.setHidden(link.mode.hide);
  s.setLesson(link.mode.lesson);
  return available.notices;
}
