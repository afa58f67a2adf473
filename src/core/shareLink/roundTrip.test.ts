/**
 * Round trips: every objective and every optimizer, random valid configs (values anywhere in
 * their ranges, labels full of separators, quotes and non-ASCII), view, language and modes:
 * decodeLink(encodeLink(s)) gives s back with no notice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECTIVES } from '../objectives';
import { OPTIMIZERS } from '../optimizers';
import { linkStateArb } from './arbitraries';
import { decodeLink, encodeLink } from './link';

function roundTrips(arb: ReturnType<typeof linkStateArb>, numRuns: number): void {
  fc.assert(
    fc.property(arb, (state) => {
      const link = encodeLink(state);
      const { state: back, notices } = decodeLink(link);
      expect(notices).toEqual([]);
      expect(back).toEqual(state);
      // The fragment needs no further escaping by a browser: no space, quote or non-ASCII.
      expect(link).toMatch(/^[\x21-\x7e]+$/);
      expect(link).not.toMatch(/[ "<>`#]/);
      // Only what differs from the defaults is written (hidden=0 would mean the full fallback).
      expect(link).not.toMatch(/hidden=0/);
    }),
    { numRuns },
  );
}

describe('share link round trip', () => {
  for (const o of OBJECTIVES) it(`objective ${o.id}`, () => roundTrips(linkStateArb({ objective: o.id }), 25));
  for (const o of OPTIMIZERS) it(`optimizer ${o.id}`, () => roundTrips(linkStateArb({ optimizer: o.id }), 25));
  it('through a browser-style re-encoding of the fragment', () => {
    fc.assert(
      fc.property(linkStateArb(), (state) => {
        // Mail and chat programs percent-encode more than needed: ( ) ' ; , stay decodable.
        const mangled = encodeLink(state).replace(/[()';,]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        const { state: back, notices } = decodeLink(`#${mangled}`);
        expect(notices).toEqual([]);
        expect(back).toEqual(state);
      }),
      { numRuns: 50 },
    );
  });
});
