/**
 * The built-in lessons, in the order the picker lists them. Each is pure data (see ./types):
 * the UI loads `experiment` through resolveExperiment and shows the texts by their i18n keys.
 */
import type { Lesson, LessonId } from './types';
import { ravine } from './ravine';
import { largeLr } from './largeLr';
import { saddlePoint } from './saddlePoint';
import { adamRastrigin } from './adamRastrigin';
import { lrDecay } from './lrDecay';
import { gdConverges } from './gdConverges';
import { momentumGd } from './momentumGd';
import { sagGd } from './sagGd';
import { textbookMomentum } from './textbookMomentum';

export type { Lesson, LessonId, WorkedExampleId } from './types';
export { lessonKeys, LESSON_RACE } from './types';

export const LESSONS: readonly Lesson[] = [ravine, largeLr, saddlePoint, adamRastrigin, lrDecay, gdConverges, momentumGd, sagGd, textbookMomentum];

const BY_ID = new Map<string, Lesson>(LESSONS.map((l) => [l.id, l]));

/** True when `s` names a built-in lesson (share links carry ids from other versions too). */
export function isLessonId(s: string): s is LessonId {
  return BY_ID.has(s);
}

/** The lesson with this id; throws (naming the id and the known ones) for an unknown id. */
export function getLesson(id: string): Lesson {
  const lesson = BY_ID.get(id);
  if (!lesson) throw new Error(`Unknown lesson id '${id}' (known: ${[...BY_ID.keys()].join(', ')})`);
  return lesson;
}
