import { describe, expect, it } from 'vitest';
import {
  clampPixel,
  dataToPixel,
  gridSpec,
  nudgePoint,
  pixelDataSize,
  pixelToData,
  sameBox,
  sampleGrid,
  zoomedView,
  type PlotFrame,
} from './transform';

const frame: PlotFrame = { view: { x: [-2, 2], y: [-1, 3] }, width: 400, height: 200 };

describe('dataToPixel / pixelToData', () => {
  it('maps corners: y up in data, down in pixels', () => {
    expect(dataToPixel(frame, -2, 3)).toEqual([0, 0]);
    expect(dataToPixel(frame, 2, -1)).toEqual([400, 200]);
    expect(dataToPixel(frame, 0, 1)).toEqual([200, 100]);
    expect(pixelToData(frame, 0, 200)).toEqual([-2, -1]);
    expect(pixelToData(frame, 100, 50)).toEqual([-1, 2]);
  });
  it('round-trips', () => {
    const [px, py] = dataToPixel(frame, 0.37, -0.81);
    const [x, y] = pixelToData(frame, px, py);
    expect(x).toBeCloseTo(0.37, 12);
    expect(y).toBeCloseTo(-0.81, 12);
  });
  it('pixelDataSize is the data span per CSS px', () => {
    expect(pixelDataSize(frame)).toEqual([0.01, 0.02]);
  });
});

describe('gridSpec', () => {
  it('samples about every cssPxPerSample px with exact cells', () => {
    const g = gridSpec(400, 201, 2.5);
    expect(g).toMatchObject({ nx: 160, ny: 80 });
    expect(g.cellW * g.nx).toBeCloseTo(400, 12);
    expect(g.cellH * g.ny).toBeCloseTo(201, 12);
  });
  it('keeps at least 2 × 2 samples', () => {
    expect(gridSpec(1, 1, 10)).toMatchObject({ nx: 2, ny: 2 });
  });
  it('fails fast on a bad size, naming it', () => {
    expect(() => gridSpec(0, 10, 2)).toThrow(/0×10/);
    expect(() => gridSpec(10, 10, 0)).toThrow(/spacing 0/);
  });
});

describe('sampleGrid', () => {
  it('samples cell centres row-major from the top row', () => {
    const g = gridSpec(4, 2, 1); // 4 × 2 cells over [0,4] × [0,2]
    const v = sampleGrid({ x: [0, 4], y: [0, 2] }, g, (x, y) => 10 * y + x);
    expect(Array.from(v)).toEqual([15.5, 16.5, 17.5, 18.5, 5.5, 6.5, 7.5, 8.5]);
  });
});

describe('zoomedView', () => {
  it('identity keeps the view', () => {
    expect(zoomedView(frame, 1, 0, 0)).toEqual({ x: [-2, 2], y: [-1, 3] });
  });
  it('k = 2 about the centre halves the window around the centre', () => {
    // d3-zoom's scaleBy(2) about (200, 100): t = (200 − 2·200, 100 − 2·100).
    expect(zoomedView(frame, 2, -200, -100)).toEqual({ x: [-1, 1], y: [0, 2] });
  });
  it('a pan right by 100 px shows what was 100 px to the left', () => {
    const v = zoomedView(frame, 1, 100, 0);
    expect(v.x[0]).toBeCloseTo(-3, 12);
    expect(v.x[1]).toBeCloseTo(1, 12);
    expect(v.y).toEqual([-1, 3]);
  });
  it('zoom about a point keeps that point under the pointer', () => {
    const p: [number, number] = [100, 50];
    const k = 3;
    const v = zoomedView(frame, k, p[0] - k * p[0], p[1] - k * p[1]);
    const before = pixelToData(frame, ...p);
    const after = pixelToData({ ...frame, view: v }, ...p);
    expect(after[0]).toBeCloseTo(before[0], 12);
    expect(after[1]).toBeCloseTo(before[1], 12);
  });
});

describe('helpers', () => {
  it('nudgePoint moves by a fraction of the view', () => {
    expect(nudgePoint([0, 0], frame.view, 0.01, -0.1)).toEqual([0.04, -0.4]);
  });
  it('clampPixel bounds far points (diverged runs reach 1e30)', () => {
    expect(clampPixel(1e30, 0, 400)).toBe(1400);
    expect(clampPixel(-1e30, 0, 400)).toBe(-1000);
    expect(clampPixel(12, 0, 400)).toBe(12);
  });
  it('sameBox compares all four ends', () => {
    expect(sameBox(frame.view, { x: [-2, 2], y: [-1, 3] })).toBe(true);
    expect(sameBox(frame.view, { x: [-2, 2], y: [-1, 3.0001] })).toBe(false);
  });
});
