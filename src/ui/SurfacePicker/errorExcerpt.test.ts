import { describe, expect, it } from 'vitest';
import { errorExcerpt } from './errorExcerpt';

describe('errorExcerpt', () => {
  it('shows a short formula whole', () => {
    expect(errorExcerpt('x^2 + * y', 6, 1)).toEqual({ before: 'x^2 + ', mark: '*', after: ' y' });
  });
  it('windows a long formula around the mark', () => {
    const text = 'a'.repeat(100) + 'X' + 'b'.repeat(100);
    const e = errorExcerpt(text, 100, 1, 5);
    expect(e).toEqual({ before: '…aaaaa', mark: 'X', after: 'bbbbb…' });
  });
  it('shortens a long mark in its middle (the extra characters of an over-long formula)', () => {
    const text = 'x'.repeat(2000) + 'y'.repeat(500);
    const e = errorExcerpt(text, 2000, 500, 4);
    expect(e.before).toBe('…xxxx');
    expect(e.mark).toBe('yyyy…yyyy');
    expect(e.after).toBe('');
  });
  it('keeps a mark at the end of the text (an unexpected end)', () => {
    expect(errorExcerpt('x +', 3, 1)).toEqual({ before: 'x +', mark: '', after: '' });
  });
});
