/**
 * Engine slice: the user's engine preference and what the running engine reports (kind,
 * adapter, software flag, measured steps/s, faults). The runner writes it; the badge reads it.
 */
import type { StateCreator } from 'zustand';
import type { EngineFault, EngineInfo } from '../engine/types';
import type { AppState } from './state';

export type EnginePreference = 'auto' | 'gpu' | 'cpu';

export interface EngineSlice {
  enginePref: EnginePreference;
  engineInfo: EngineInfo | null;
  stepsPerSec: number;
  /** Message of the last engine fault (the wrapper already continued on the CPU). */
  fault: string | null;
  /** Its kind, when the engine said (the banner says it in the reader's language). */
  faultReason: EngineFault['reason'] | null;
  setEnginePref(pref: EnginePreference): void;
  setEngineInfo(info: EngineInfo | null): void;
  setStepsPerSec(rate: number): void;
  setFault(message: string | null, reason?: EngineFault['reason']): void;
}

export const createEngineSlice: StateCreator<AppState, [], [], EngineSlice> = (set) => ({
  enginePref: 'auto',
  engineInfo: null,
  stepsPerSec: 0,
  fault: null,
  faultReason: null,
  setEnginePref: (enginePref) => set({ enginePref }),
  setEngineInfo: (engineInfo) => set({ engineInfo }),
  setStepsPerSec: (stepsPerSec) => set({ stepsPerSec }),
  setFault: (fault, reason) => set({ fault, faultReason: fault === null ? null : (reason ?? null) }),
});
