import { describe, expect, it } from 'vitest';
import { figureHeight, figureSvg, layoutLegend, type LegendStyle } from './svgDocument';

const style: LegendStyle = { fontPx: 12, fontFamily: 'system-ui, "Segoe UI"', color: '#1a1f29', textWidth: (t) => t.length * 7 };

describe('layoutLegend', () => {
  it('is empty without items', () => {
    expect(layoutLegend([], 400, style)).toEqual({ markup: '', height: 0 });
  });

  it('puts a swatch in the run colour before each escaped label', () => {
    const l = layoutLegend([{ label: 'Adam <fast> & "good"', color: '#1f77b4' }], 400, style);
    expect(l.markup).toContain('stroke="#1f77b4"');
    expect(l.markup).toContain('>Adam &lt;fast&gt; &amp; &quot;good&quot;</text>');
    expect(l.markup).toContain('font-family="system-ui, &quot;Segoe UI&quot;"');
    expect(l.height).toBeGreaterThan(12);
  });

  it('wraps into more rows when the items do not fit the width', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ label: `Run number ${i}`, color: '#000000' }));
    const wide = layoutLegend(items, 2000, style);
    const narrow = layoutLegend(items, 300, style);
    const rows = (markup: string) => new Set([...markup.matchAll(/y1="([\d.]+)"/g)].map((m) => m[1])).size;
    // 16 + 6 + 12 × 7 px an item (+ 18 between), 276 px to fill: two a row.
    expect(rows(wide.markup)).toBe(1);
    expect(rows(narrow.markup)).toBe(4);
    expect(narrow.height).toBeGreaterThan(wide.height);
    // Every text starts inside the width.
    for (const m of narrow.markup.matchAll(/<text x="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThan(300);
  });
});

describe('figureSvg', () => {
  const parts = {
    width: 300,
    height: 200,
    background: '#ffffff',
    rasters: [{ href: 'data:image/png;base64,AAAA', x: 40, y: 10, width: 200, height: 150 }],
    plotSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><path d="M0 0L10 10"/></svg>',
    legend: layoutLegend([{ label: 'GD', color: '#ff0000' }], 300, style),
    title: 'Rosenbrock & friends',
  };

  it('stacks background, rasters, the plot and the legend below the plot', () => {
    const svg = figureSvg(parts);
    const h = figureHeight(parts);
    expect(h).toBe(200 + parts.legend.height);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="${h}" viewBox="0 0 300 ${h}">`)).toBe(true);
    expect(svg).toContain('<title>Rosenbrock &amp; friends</title>');
    const order = ['<rect width="300"', '<image x="40" y="10" width="200" height="150"', '<path d="M0 0L10 10"/>', '<g transform="translate(0,200)">'];
    const at = order.map((s) => svg.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('scales the output size but not the viewBox', () => {
    const svg = figureSvg({ ...parts, scale: 2, rasters: [] });
    expect(svg).toContain(`width="600" height="${2 * figureHeight(parts)}" viewBox="0 0 300 ${figureHeight(parts)}"`);
    expect(svg).not.toContain('<image');
  });
});
