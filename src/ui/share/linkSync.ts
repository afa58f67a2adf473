/**
 * The URL and localStorage as two views of the store (DESIGN.md: one subscriber writes them,
 * only the decoder reads them). At boot the page's link wins, then the remembered experiment,
 * then the default race. Afterwards every change that a link carries is written back, a
 * quarter-second after the last one, with history.replaceState (no history entry per slider
 * move) and to localStorage. A hand-edited fragment (hashchange) is decoded and applied like a
 * new link.
 */
import { decodeLink, encodeLink } from '../../core/shareLink';
import type { AppState } from '../../store/state';
import type { AppStore } from '../../store/store';
import { applyLinkState, linkStateOf } from './linkOfStore';

/** localStorage key of the remembered experiment (a link fragment). */
export const STORAGE_KEY = 'gradscape.experiment';
const WRITE_DELAY_MS = 250;

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode): nothing remembered
  }
}

function writeStorage(fragment: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, fragment);
  } catch {
    /* full or blocked: the link in the address bar still holds the experiment */
  }
}

/** Applies a link fragment; its notices go to the banner. */
function applyFragment(store: AppStore, fragment: string): void {
  const { state, notices } = decodeLink(fragment);
  const missing = applyLinkState(store, state);
  store.getState().setLinkNotices({ source: 'link', notices: [...notices, ...missing] });
}

/**
 * Restores the remembered experiment. Corrupted storage (anything the decoder had to ignore)
 * is not half-applied: the default race stays, the notice says what was wrong, and the entry
 * is overwritten by the next write. What is remembered is the experiment, its view and its
 * lesson; the language has its own remembered choice (which `?lang=` overrides), and the
 * modes a link asks for (presentation, embed, hidden controls) belong to that link, not to the
 * next bare visit.
 */
function applyStored(store: AppStore, fragment: string): void {
  const { state, notices } = decodeLink(fragment);
  if (notices.length > 0) {
    store.getState().setLinkNotices({ source: 'storage', notices });
    return;
  }
  const missing = applyLinkState(store, {
    ...state,
    lang: null,
    mode: { present: false, embed: false, hide: [], lesson: state.mode.lesson },
  });
  // Imported data are not remembered: the rest of the experiment is, on generated data.
  store.getState().setLinkNotices({ source: 'data', notices: missing });
}

const carried = (s: AppState) => [s.resolved, s.view, s.language, s.presenting, s.embed, s.hidden, s.lessonId] as const;

/** The current share link of the page (for the Copy link button), always up to date. */
export function currentLink(store: AppStore, href = window.location.href): string {
  const base = href.split('#')[0];
  return `${base}#${encodeLink(linkStateOf(store.getState()))}`;
}

/** Boot: apply the link or the remembered state, then keep URL and storage following the store. */
export function installLinkSync(store: AppStore): () => void {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash.trim() !== '') applyFragment(store, hash);
  else {
    const stored = readStorage();
    if (stored !== null && stored !== '') applyStored(store, stored);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = '';
  const write = () => {
    timer = undefined;
    const fragment = encodeLink(linkStateOf(store.getState()));
    if (fragment === written) return;
    written = fragment;
    const url = `${window.location.pathname}${window.location.search}#${fragment}`;
    history.replaceState(history.state, '', url);
    // An embedded page (an iframe in slides or a course page) shares the site's storage: it
    // must not replace the reader's own remembered experiment.
    if (!store.getState().embed) writeStorage(fragment);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    const a = carried(s);
    const b = carried(prev);
    if (a.every((v, i) => v === b[i])) return;
    if (timer === undefined) timer = setTimeout(write, WRITE_DELAY_MS);
  });
  const onHash = () => {
    const fragment = window.location.hash.replace(/^#/, '');
    if (fragment === written || fragment.trim() === '') return;
    written = fragment;
    applyFragment(store, fragment);
  };
  window.addEventListener('hashchange', onHash);
  // A page being hidden (tab closed, phone locked) must not lose the last quarter second.
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', flush);
    if (timer !== undefined) clearTimeout(timer);
  };
}
