import { describe, expect, it } from 'vitest';
import { contourPaths, multiPolygonPath } from './contourPaths';
import { gridSpec, sampleGrid } from './transform';

describe('multiPolygonPath', () => {
  it('writes rings as M/L/Z scaled to pixels', () => {
    expect(
      multiPolygonPath(
        [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
        2,
        3,
      ),
    ).toBe('M0,0L2,0L2,3L0,0Z');
  });
  it('empty for no rings', () => {
    expect(multiPolygonPath([], 1, 1)).toBe('');
  });
});

describe('contourPaths', () => {
  it('the level-½ line of 1 − r is a circle of radius ½ (50 px), centred', () => {
    const grid = gridSpec(200, 200, 2); // 100 × 100 samples over [-1,1]², 2 px per cell
    const values = sampleGrid({ x: [-1, 1], y: [-1, 1] }, grid, (x, y) => 1 - Math.hypot(x, y));
    const [c] = contourPaths(values, grid, [0.5]);
    expect(c.value).toBe(0.5);
    const pts = c.d
      .slice(1, -1)
      .split(/[ML]/)
      .filter(Boolean)
      .map((p) => p.split(',').map(Number));
    expect(pts.length).toBeGreaterThan(20);
    for (const [px, py] of pts) expect(Math.hypot(px - 100, py - 100)).toBeCloseTo(50, 0);
    // One ring only: the region ≥ ½ is the disk.
    expect(c.d.match(/M/g)?.length).toBe(1);
  });
  it('drops levels without a line and handles no thresholds', () => {
    const grid = gridSpec(20, 20, 2);
    const values = sampleGrid({ x: [0, 1], y: [0, 1] }, grid, (x) => x);
    expect(contourPaths(values, grid, [])).toEqual([]);
    expect(contourPaths(values, grid, [5]).length).toBe(0);
  });
});
