/** Installs the page's keyboard shortcuts (space, →, r, +, −, ?, Esc). */
import { useEffect } from 'react';
import { appStore } from '../../store/store';
import { isEditableTarget, shortcutFor } from './keymap';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      const target = e.target as HTMLElement | null;
      if (!action || isEditableTarget(target, e.key)) return;
      // The surface view uses the arrow keys to move the start point.
      if (e.key.startsWith('Arrow') && target?.closest?.('[role="application"]')) return;
      const s = appStore.getState();
      if (s.helpOpen && action !== 'help' && action !== 'escape') return;
      e.preventDefault();
      switch (action) {
        case 'toggle':
          return s.togglePlay();
        case 'step':
          return s.stepOnce();
        case 'reset':
          return s.reset();
        case 'faster':
          return s.nudgeSpeed(1);
        case 'slower':
          return s.nudgeSpeed(-1);
        case 'help':
          return s.setHelpOpen(!s.helpOpen);
        case 'escape':
          if (s.helpOpen) s.setHelpOpen(false);
          else if (s.drawerOpen) s.setDrawerOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
