/** Public types and limits of share links (see index.ts and the README's "Share links"). */
import type { ResolvedExperiment } from '../experiment';

/** The link format's version. Its defaults are frozen with it (defaults.test.ts pins them). */
export const LINK_VERSION = 1;
/** Longer links are refused whole (a 64-run race with every setting changed is about 12,000). */
export const MAX_LINK_LENGTH = 32_768;

/** Control groups a student link can hide. */
export const HIDEABLE = ['surfaces', 'runs', 'hyper', 'playback', 'engine', 'charts', 'explain'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** The zoom window of the surface view. */
export interface LinkView {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface LinkMode {
  readonly present: boolean;
  readonly embed: boolean;
  readonly hide: readonly string[];
  readonly lesson: string | null;
}

/** Everything a link carries. */
export interface LinkState {
  readonly experiment: ResolvedExperiment;
  /** null: the surface's default view. */
  readonly view: LinkView | null;
  /** null: not in the link (the reader's own language applies). */
  readonly lang: 'en' | 'zh-CN' | null;
  readonly mode: LinkMode;
}

/** 'missingData': the experiment names imported samples this tab does not have (src/core/shareLink/importedData.ts). */
export type LinkNoticeCode = 'unknownKey' | 'syntax' | 'invalid' | 'version' | 'tooLong' | 'noRuns' | 'truncated' | 'missingData';

/** One thing a link, a file or the remembered state could not apply, and why (English). */
export interface LinkNotice {
  readonly code: LinkNoticeCode;
  /** The setting, as a config path ('runs[1].hyper.lr') or a link key; '' for the whole link. */
  readonly field: string;
  readonly detail: string;
}
