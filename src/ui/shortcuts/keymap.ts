/**
 * Keyboard shortcuts as data: which key does what. Pure, so the mapping is unit-tested apart
 * from the DOM listener.
 */
export type ShortcutAction = 'toggle' | 'step' | 'reset' | 'faster' | 'slower' | 'help' | 'escape';

/** The action for a key, or null. Modified keys (Ctrl/Meta/Alt) are left to the browser. */
export function shortcutFor(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return 'toggle';
    case 'ArrowRight':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}

/** True when the key press belongs to a form control (typing, sliders, buttons' own Space). */
export function isEditableTarget(target: { tagName?: string; isContentEditable?: boolean } | null, key: string): boolean {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return key !== 'Escape';
  // A focused button activates on Space itself; doing both would toggle twice.
  if (tag === 'BUTTON' && (key === ' ' || key === 'Enter')) return true;
  return false;
}
