/**
 * A built-in lesson: a race set up to tell one story (why momentum helps in a ravine, what a
 * too-large learning rate does...), with a short text in every language. The text lives in the
 * i18n catalogues under `lessons.items.<id>`; everything else is data here, so a lesson is
 * reproducible from its id alone (share links carry the id beside the experiment).
 */
import type { ExperimentInput } from '../experiment';
import type { Box } from '../objectives/types';

/** Ids of the built-in lessons, in the order the picker lists them. */
export type LessonId =
  | 'ravine'
  | 'large_lr'
  | 'saddle_point'
  | 'adam_rastrigin'
  | 'lr_decay'
  | 'gd_converges'
  | 'momentum_gd'
  | 'sag_gd'
  | 'textbook_momentum';

/**
 * A worked example a lesson card shows under its text, by name: the core computes its numbers
 * (src/core/training/workedExample.ts), the UI lays them out (src/ui/LessonPanel).
 */
export type WorkedExampleId = 'textbook_momentum';

export interface Lesson {
  readonly id: LessonId;
  /**
   * The race the lesson loads (resolveExperiment validates it). A run with label '' shows its
   * optimizer's name in the reader's language; labels that carry the story ('lr = 0.21') are
   * written so they read the same in every language.
   */
  readonly experiment: ExperimentInput;
  /** Zoom window the lesson opens with; absent = the surface's own view. */
  readonly view?: Box;
  /** A display formula shown on the lesson card (LaTeX; the same in every language). */
  readonly tex?: string;
  /** A worked example the card shows below the text and formula (a table of numbers). */
  readonly workedExample?: WorkedExampleId;
  /** i18n key of the title (a few words). */
  readonly titleKey: string;
  /** i18n key of the text: 3–5 sentences; `$…$` marks inline LaTeX. */
  readonly textKey: string;
}

/** The i18n keys of lesson `id` (`lessons.items.<id>.title` and `.text`). */
export function lessonKeys(id: LessonId): Pick<Lesson, 'titleKey' | 'textKey'> {
  return { titleKey: `lessons.items.${id}.title`, textKey: `lessons.items.${id}.text` };
}

/**
 * Settings every lesson shares with the app's own default race (src/store/defaults.ts): 3000
 * steps, about ten seconds at the default speed of 5 steps per frame, and the app's gradTol
 * 1e-3 (resolveExperiment's own defaults, 500 and 1e-6, are the CLI's).
 */
export const LESSON_RACE = { version: 1, steps: 3000, seed: 1, gradTol: 1e-3, bound: 1e6 } as const;
