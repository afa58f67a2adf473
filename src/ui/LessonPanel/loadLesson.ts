/** Loading a lesson: its race replaces the experiment and its card opens. */
import { resolveExperiment } from '../../core/experiment';
import { getLesson, type LessonId } from '../../core/lessons';
import type { AppStore } from '../../store/store';

/**
 * Loads lesson `id` into `store`: a new race from step 0 with the lesson's zoom window, the
 * card open, playing (the story is the race), and the drawer closed so a phone shows the card.
 */
export function loadLesson(store: AppStore, id: LessonId): void {
  const lesson = getLesson(id);
  const s = store.getState();
  s.loadExperiment(resolveExperiment(lesson.experiment), lesson.view ?? null);
  s.setLesson(id);
  s.play();
  s.setDrawerOpen(false);
}
