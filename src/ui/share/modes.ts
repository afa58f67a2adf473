/**
 * Classroom modes on the document: presentation mode (data-present: large type, only the
 * essentials, full screen when the browser allows it), embed mode (data-embed) and the
 * controls a student link hides (data-hide="surfaces runs ..."); CSS does the rest
 * (src/styles/components/classroom.css).
 */
import type { AppStore } from '../../store/store';

/** Enters or leaves presentation mode; full screen is asked for, never required. */
export function setPresentation(store: AppStore, on: boolean): void {
  store.getState().setPresenting(on);
  const doc = document as Document & { fullscreenElement?: Element | null };
  try {
    if (on && !doc.fullscreenElement && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {
        /* refused (no user gesture, iframe without allowfullscreen): large type still applies */
      });
    } else if (!on && doc.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(() => {});
    }
  } catch {
    /* the Fullscreen API is missing: presentation mode works without it */
  }
}

export function installModes(store: AppStore): void {
  const root = document.documentElement;
  let wasFullscreen = false;
  const apply = () => {
    const s = store.getState();
    root.toggleAttribute('data-present', s.presenting);
    root.toggleAttribute('data-embed', s.embed);
    if (s.hidden.length > 0) root.dataset.hide = s.hidden.join(' ');
    else delete root.dataset.hide;
  };
  apply();
  store.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting || s.embed !== prev.embed || s.hidden !== prev.hidden) apply();
  });
  // Esc leaves full screen; leaving full screen leaves presentation mode, as in slides.
  document.addEventListener('fullscreenchange', () => {
    const full = document.fullscreenElement !== null;
    if (wasFullscreen && !full && store.getState().presenting) store.getState().setPresenting(false);
    wasFullscreen = full;
  });
}
