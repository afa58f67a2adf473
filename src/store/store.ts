/**
 * The app store: one zustand store built from typed slices, actions beside their state.
 * React reads it through `useApp(selector)`; the render loop and plots use the vanilla
 * `appStore.subscribe/getState` so 60 fps updates never re-render React.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createExperimentSlice } from './experimentSlice';
import { createRunsSlice } from './runsSlice';
import { createPlaybackSlice } from './playbackSlice';
import { createEngineSlice } from './engineSlice';
import { createUiSlice } from './uiSlice';
import { createClassroomSlice } from './classroomSlice';
import type { AppState } from './state';

export type { AppState } from './state';
export type AppStore = StoreApi<AppState>;

/** A fresh store (tests make their own; the app uses `appStore`). */
export function createAppStore(): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createExperimentSlice(...a),
    ...createRunsSlice(...a),
    ...createPlaybackSlice(...a),
    ...createEngineSlice(...a),
    ...createUiSlice(...a),
    ...createClassroomSlice(...a),
  }));
  store.setState({ selectedUid: store.getState().draft.runs[0]?.uid ?? null });
  return store;
}

/** The app's store. */
export const appStore: AppStore = createAppStore();

/** React hook: subscribe a component to a slice of the store (use module-level selectors). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
