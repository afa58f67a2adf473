/**
 * Share links: the complete experiment, view, language and classroom modes in the URL fragment,
 * readable and hand-editable, driven by the config's schema. Format: README, "Share links".
 */
export { HIDEABLE, LINK_VERSION, MAX_LINK_LENGTH } from './types';
export type { Hideable, LinkMode, LinkNotice, LinkNoticeCode, LinkState, LinkView } from './types';
export { decodeLink, encodeLink, linkExtrasSchema } from './link';
export { repairExperiment } from './repair';
export { defaultLinkState } from './defaults';
export { minimalInput } from './minimal';
