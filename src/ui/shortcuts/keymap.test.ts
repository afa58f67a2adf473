import { describe, expect, it } from 'vitest';
import { isEditableTarget, shortcutFor } from './keymap';

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor({ key: ' ' })).toBe('toggle');
    expect(shortcutFor({ key: 'ArrowRight' })).toBe('step');
    expect(shortcutFor({ key: 'r' })).toBe('reset');
    expect(shortcutFor({ key: '?' })).toBe('help');
    expect(shortcutFor({ key: '+' })).toBe('faster');
    expect(shortcutFor({ key: '-' })).toBe('slower');
  });
  it('leaves modified keys and unknown keys to the browser', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });
});

describe('isEditableTarget', () => {
  it('does not steal keys from text fields, sliders and selects, except Escape', () => {
    expect(isEditableTarget({ tagName: 'INPUT' }, 'r')).toBe(true);
    expect(isEditableTarget({ tagName: 'select' }, 'ArrowRight')).toBe(true);
    expect(isEditableTarget({ tagName: 'INPUT' }, 'Escape')).toBe(false);
  });
  it("lets a focused button handle its own Space, but not other shortcuts", () => {
    expect(isEditableTarget({ tagName: 'BUTTON' }, ' ')).toBe(true);
    expect(isEditableTarget({ tagName: 'BUTTON' }, 'r')).toBe(false);
    expect(isEditableTarget({ tagName: 'DIV' }, ' ')).toBe(false);
  });
});
