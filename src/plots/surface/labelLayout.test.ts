import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, separateLabels } from './labelLayout';

describe('separateLabels', () => {
  it('leaves separate labels alone', () => {
    expect(
      separateLabels([
        { x: 0, y: 0, text: 'a', anchor: 'start' },
        { x: 100, y: 0, text: 'b', anchor: 'start' },
        { x: 0, y: 40, text: 'c', anchor: 'start' },
      ]),
    ).toEqual([0, 0, 40]);
  });
  it('moves an overlapping label down a line, a third one until clear of both', () => {
    expect(
      separateLabels([
        { x: 10, y: 20, text: 'Δθ ×500', anchor: 'start' },
        { x: 14, y: 22, text: '−m̂ ×0.2', anchor: 'start' },
        { x: 60, y: 20, text: 'lr ×500', anchor: 'end' },
      ]),
    ).toEqual([20, 22 + LINE_HEIGHT, 20 + 3 * LINE_HEIGHT]);
  });
  it('end-anchored labels extend to the left', () => {
    expect(
      separateLabels([
        { x: 0, y: 0, text: 'abc', anchor: 'end' },
        { x: 1, y: 0, text: 'abc', anchor: 'start' },
      ]),
    ).toEqual([0, 0]);
  });
});
