import { describe, expect, it } from 'vitest';
import { linkFragment } from './simulateArgs';

describe('simulate argument', () => {
  it('reads links in every form the app and browsers give them, and leaves file paths alone', () => {
    expect(linkFragment('http://localhost:5173/?engine=cpu#v=1&f=booth&runs=adam')).toBe('v=1&f=booth&runs=adam');
    expect(linkFragment('https://example.org/gradscape/#v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('#v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('https://example.org/')).toBe('');
    expect(linkFragment('examples/rosenbrock-race.json')).toBeNull();
    expect(linkFragment('./v=1.json')).toBeNull();
  });
});
