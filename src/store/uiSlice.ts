/**
 * UI preferences and transient UI state: theme, language, what a hyperparameter change does to
 * a running race, the selected run, the zoom window, drawer and help overlay.
 */
import type { StateCreator } from 'zustand';
import type { Box } from '../core/objectives/types';
import type { ComputeAxis } from '../core/finiteSum/computeAxis';
import { isLessonId } from '../core/lessons';
import type { AppState } from './state';

export type Theme = 'light' | 'dark';
export type Language = 'en' | 'zh-CN';
/**
 * On a hyperparameter change during a race: the edited run restarts from the start point, or
 * every run continues from where it is with the new value.
 */
export type HyperChangeMode = 'restart' | 'continue';
/** What the stage shows: the race, or one of the many-run maps (issue 13). */
export type StageView = 'race' | 'hyper' | 'basin' | 'swarm';

export interface UiSlice {
  theme: Theme;
  language: Language;
  hyperMode: HyperChangeMode;
  selectedUid: string | null;
  /** Zoomed/panned window of the surface view; null = the surface's default view. */
  view: Box | null;
  drawerOpen: boolean;
  helpOpen: boolean;
  /** A short notice for the status line: an i18n key and the run it is about, if any. */
  notice: Notice | null;
  /**
   * The built-in lesson whose card is open (src/core/lessons), or null. Editing the race keeps
   * it (a teacher may tweak the lesson); closing the card clears it. Share links carry it.
   */
  lessonId: string | null;
  /** The loss charts' x axis on dataset objectives: steps, gradient evaluations or epochs. */
  chartAxis: ComputeAxis;
  stageView: StageView;
  setTheme(theme: Theme): void;
  setLanguage(language: Language): void;
  setHyperMode(mode: HyperChangeMode): void;
  selectRun(uid: string | null): void;
  setView(view: Box | null): void;
  setDrawerOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setNotice(key: string | null, runUid?: string): void;
  /** Opens the card of lesson `id` (an id no built-in lesson has, e.g. from a newer link, reads as null). */
  setLesson(id: string | null): void;
  setChartAxis(axis: ComputeAxis): void;
  setStageView(view: StageView): void;
}

/** A notice: `key` is translated with {{run}} = the name of run `runUid`. */
export interface Notice {
  readonly key: string;
  readonly runUid?: string;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  theme: 'light',
  language: 'en',
  hyperMode: 'restart',
  selectedUid: null,
  view: null,
  drawerOpen: false,
  helpOpen: false,
  notice: null,
  lessonId: null,
  chartAxis: 'steps',
  stageView: 'race',
  setTheme: (theme) => set({ theme }),
  setLanguage: (language) => set({ language }),
  setHyperMode: (hyperMode) => set({ hyperMode }),
  selectRun: (selectedUid) => set({ selectedUid: selectedUid ?? get().draft.runs[0]?.uid ?? null }),
  setView: (view) => set({ view }),
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setNotice: (key, runUid) => set({ notice: key === null ? null : { key, runUid } }),
  setLesson: (id) => set({ lessonId: id !== null && isLessonId(id) ? id : null }),
  setChartAxis: (chartAxis) => set({ chartAxis }),
  setStageView: (stageView) => set({ stageView }),
});
