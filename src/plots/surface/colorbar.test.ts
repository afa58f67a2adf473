import { describe, expect, it } from 'vitest';
import { colorbarTicks, compactLabel, spread } from './colorbar';

describe('spread', () => {
  it('keeps both ends and spreads evenly', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('colorbarTicks', () => {
  it('drops ticks closer than 18 px, the top end wins', () => {
    const t = colorbarTicks([
      { v: 0, y: 300 },
      { v: 1, y: 290 },
      { v: 2, y: 200 },
      { v: 3, y: 10 },
      { v: 4, y: 0 },
    ]);
    expect(t.map((x) => x.v)).toEqual([0, 2, 4]);
  });
  it('adds digits until neighbours read differently', () => {
    const t = colorbarTicks([
      { v: -1.0316, y: 300 },
      { v: -1.0306, y: 200 },
      { v: -1.0216, y: 100 },
      { v: 12.7, y: 0 },
    ]);
    expect(t.map((x) => x.label)).toEqual(['−1.032', '−1.031', '−1.022', '12.7']);
  });
  it('empty input', () => {
    expect(colorbarTicks([])).toEqual([]);
  });
});

describe('colour-bar labels that must fit beside the bar', () => {
  const width = (s: string) => s.length * 6;
  it('writes labels wider than the room compactly, keeping the others', () => {
    const t = colorbarTicks(
      [
        { v: 2.86, y: 300 },
        { v: 1.12037e280, y: 0 },
      ],
      18,
      (l) => width(l) <= 48,
    );
    expect(t.map((x) => x.label)).toEqual(['2.86', '1.1e280']);
  });
  it('compactLabel: two digits, no exponent sign, minus kept', () => {
    expect(compactLabel('1.12037e+280')).toBe('1.1e280');
    expect(compactLabel('−4.5678e+12')).toBe('−4.6e12');
    expect(compactLabel('n/a')).toBe('n/a');
  });
});
