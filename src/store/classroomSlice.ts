/**
 * Classroom state: presentation mode (large type, only the essentials), embed mode (an iframe in
 * slides), the controls a student link hides, and the notice listing what a link, an imported
 * file or the remembered state could not apply. All of it travels in share links
 * (src/core/shareLink) except the notice.
 */
import type { StateCreator } from 'zustand';
import type { LinkNotice } from '../core/shareLink';
import type { AppState } from './state';

/**
 * Where ignored settings came from: the page's link, the remembered state, an imported file;
 * 'data': the remembered experiment, restored without the imported data it used.
 */
export type NoticeSource = 'link' | 'storage' | 'import' | 'data';

export interface LinkNotices {
  readonly source: NoticeSource;
  readonly notices: readonly LinkNotice[];
}

export interface ClassroomSlice {
  presenting: boolean;
  embed: boolean;
  /** Control groups a student link hides (HIDEABLE in src/core/shareLink). */
  hidden: readonly string[];
  linkNotices: LinkNotices | null;
  /** The Share dialog (copy link, student link, embed code). */
  shareOpen: boolean;
  setShareOpen(open: boolean): void;
  setPresenting(on: boolean): void;
  setEmbed(on: boolean): void;
  setHidden(groups: readonly string[]): void;
  setLinkNotices(n: LinkNotices | null): void;
}

export const createClassroomSlice: StateCreator<AppState, [], [], ClassroomSlice> = (set) => ({
  presenting: false,
  embed: false,
  hidden: [],
  linkNotices: null,
  shareOpen: false,
  setShareOpen: (shareOpen) => set({ shareOpen }),
  setPresenting: (presenting) => set({ presenting }),
  setEmbed: (embed) => set({ embed }),
  setHidden: (hidden) => set({ hidden: [...new Set(hidden)] }),
  setLinkNotices: (linkNotices) => set({ linkNotices: linkNotices && linkNotices.notices.length > 0 ? linkNotices : null }),
});
