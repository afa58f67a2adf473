/** The whole store's state: the union of the typed slices. */
import type { ExperimentSlice } from './experimentSlice';
import type { RunsSlice } from './runsSlice';
import type { PlaybackSlice } from './playbackSlice';
import type { EngineSlice } from './engineSlice';
import type { UiSlice } from './uiSlice';
import type { ClassroomSlice } from './classroomSlice';

export type AppState = ExperimentSlice & RunsSlice & PlaybackSlice & EngineSlice & UiSlice & ClassroomSlice;
