import { describe, expect, it } from 'vitest';
import { rasterizeDots, rasterizeHalo } from './cloud';

const frame = { view: { x: [0, 10] as [number, number], y: [0, 10] as [number, number] }, width: 10, height: 10 };

describe('rasterizeDots (the dense cloud)', () => {
  it('writes size × size squares in the colour, y up, and counts the points drawn', () => {
    const buf = new Uint32Array(100);
    const n = rasterizeDots(buf, 10, 10, { x: [5, NaN, 50], y: [5, 1, 1], length: 3 }, frame, 1, 2, 0x332211);
    expect(n).toBe(1);
    const lit = [...buf.keys()].filter((i) => buf[i] !== 0);
    // (5, 5) is pixel (5, 5) from the top left; a 2-px square centred there covers 4..5 × 4..5.
    expect(lit).toEqual([44, 45, 54, 55]);
    expect(buf[44] & 0xffffff).toBe(0x332211);
    expect(buf[44] >>> 24).toBe(150);
  });

  it('is more opaque where points pile up, up to fully opaque', () => {
    const buf = new Uint32Array(100);
    const xs = new Array(10).fill(9.5);
    const ys = new Array(10).fill(0.5);
    rasterizeDots(buf, 10, 10, { x: xs.slice(0, 2), y: ys.slice(0, 2), length: 2 }, frame, 1, 2, 0xff);
    expect(buf[99] >>> 24).toBe(185);
    rasterizeDots(buf, 10, 10, { x: xs, y: ys, length: 10 }, frame, 1, 2, 0xff);
    expect(buf[99] >>> 24).toBe(255);
  });

  it('clips squares at the edges and scales by the device pixel ratio', () => {
    const buf = new Uint32Array(400);
    const n = rasterizeDots(buf, 20, 20, { x: [0, 10], y: [10, 0], length: 2 }, frame, 2, 4, 0xff);
    expect(n).toBe(2);
    expect(buf.filter((v) => v !== 0).length).toBe(8); // two corner quarters of 4 × 4
    expect(buf[0]).not.toBe(0);
    expect(buf[399]).not.toBe(0);
  });
});

describe('rasterizeHalo', () => {
  it('rings each square with one pixel on empty pixels only; the dots then cover its middle', () => {
    const buf = new Uint32Array(100);
    buf[33] = 0x12345678; // something already there stays
    rasterizeHalo(buf, 10, 10, { x: [5], y: [5], length: 1 }, frame, 1, 2, 0x80ffffff);
    expect(buf.filter((v) => v === 0x80ffffff).length).toBe(15);
    expect(buf[33]).toBe(0x12345678);
    rasterizeDots(buf, 10, 10, { x: [5], y: [5], length: 1 }, frame, 1, 2, 0xff);
    expect(buf.filter((v) => v === 0x80ffffff).length).toBe(11);
    expect(buf[44] >>> 24).toBe(150); // a halo pixel counts as empty for the dot
  });
});
