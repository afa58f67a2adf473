/**
 * The three links the Share dialog offers, all from the current state: the experiment as it is,
 * a student link that hides chosen controls, and an embed link (embed=1) with its iframe code.
 */
import { encodeLink } from '../../core/shareLink';
import type { LinkState } from '../../core/shareLink';

/** `base` is the page's URL without its fragment. */
export function linkFor(base: string, state: LinkState): string {
  return `${base}#${encodeLink(state)}`;
}

/** A student link: the same experiment with `hide` controls hidden, never presenting. */
export function studentState(state: LinkState, hide: readonly string[]): LinkState {
  return { ...state, mode: { ...state.mode, present: false, embed: false, hide: [...hide] } };
}

/** An embed link: only the race (surface, playback, charts), sized by the iframe. */
export function embedState(state: LinkState): LinkState {
  return { ...state, mode: { ...state.mode, present: false, embed: true } };
}

/** HTML for a slide or course page; the URL is attribute-escaped. */
export function iframeCode(url: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(url)}" title="${esc(title)}" width="960" height="600" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}
