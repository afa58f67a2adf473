/** Loading a lesson: its race replaces the experiment and its card opens. */
import { resolveExperiment } from '../../core/experiment';
import { getLesson, type LessonId } from '../../core/lessons';
import { getOptimizer } from '../../core/optimizers';
import type { AppStore } from '../../store/store';

/**
 * Loads lesson `id` into `store`: a new race from step 0 with the lesson's zoom window, the
 * card open, playing (the story is the race), and the drawer closed so a phone shows the card.
 */
export function loadLesson(store: AppStore, id: LessonId): void {
  const lesson = getLesson(id);
  const s = store.getState();
  const e = resolveExperiment(lesson.experiment);
  // A run without a label of its own shows its optimizer's name in the reader's language (the
  // draft's '' label), as a share link's runs do.
  const runs = e.runs.map((r) => (r.label === getOptimizer(r.optimizer).name ? { ...r, label: '' } : r));
  s.loadExperiment({ ...e, runs }, lesson.view ?? null);
  s.setLesson(id);
  s.play();
  s.setDrawerOpen(false);
}
