/**
 * Playback slice: what the user asked for (play/pause, single steps, reset, speed). The runner
 * (./runner) reads these with getState/subscribe and talks to the engine; the slice itself
 * never touches an engine, so it stays testable.
 */
import type { StateCreator } from 'zustand';
import { SPEEDS, speedIndex } from './playback';
import type { AppState } from './state';

export interface PlaybackSlice {
  playing: boolean;
  /**
   * True while the race stopped by itself because every run finished (not because the user
   * paused). A new race (another surface, an edit, reset) then plays on its own, as the first
   * one did; a pause the user asked for is kept.
   */
  autoPaused: boolean;
  /** Steps per animation frame (0.25 to 100). */
  speed: number;
  /** Single steps requested while paused and not yet sent to the engine. */
  pendingSteps: number;
  /** Bumped by reset(); the runner resets the engine when it changes. */
  resetToken: number;
  play(): void;
  pause(): void;
  /** Called by the runner when every run has finished: pauses, remembering it was not the user. */
  finish(): void;
  /** Called by the runner when it starts a new race: plays again if the last race finished itself. */
  resumeAfterFinish(): void;
  togglePlay(): void;
  stepOnce(): void;
  reset(): void;
  setSpeed(speed: number): void;
  /** Moves the speed one notch faster (+1) or slower (−1). */
  nudgeSpeed(dir: 1 | -1): void;
  /** Called by the runner once it has taken the pending steps. */
  takePendingSteps(): number;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  playing: true,
  autoPaused: false,
  speed: 5,
  pendingSteps: 0,
  resetToken: 0,
  play() {
    const s = get();
    // Playing a finished race starts it over, as a media player does.
    if (s.step >= s.resolved.steps) s.reset();
    set({ playing: true, autoPaused: false });
  },
  pause: () => set({ playing: false, autoPaused: false }),
  finish: () => set({ playing: false, autoPaused: true }),
  resumeAfterFinish() {
    if (get().autoPaused) set({ playing: true, autoPaused: false });
  },
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  stepOnce: () => set((s) => ({ playing: false, autoPaused: false, pendingSteps: s.pendingSteps + 1 })),
  // Rewinding is the user's own act: a race that had finished by itself stays paused at step 0.
  reset: () => set((s) => ({ resetToken: s.resetToken + 1, pendingSteps: 0, autoPaused: false })),
  setSpeed: (speed) => set({ speed: SPEEDS[speedIndex(speed)] }),
  nudgeSpeed(dir) {
    const i = Math.min(SPEEDS.length - 1, Math.max(0, speedIndex(get().speed) + dir));
    set({ speed: SPEEDS[i] });
  },
  takePendingSteps() {
    const n = get().pendingSteps;
    if (n > 0) set({ pendingSteps: 0 });
    return n;
  },
});
