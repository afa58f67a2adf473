import { describe, expect, it } from 'vitest';
import { escapeXml, inlineStyle, resolveCssVars } from './svgStyle';

const styles = (o: Record<string, string>) => (p: string) => o[p] ?? '';

describe('inlineStyle', () => {
  it('writes every set inherited property on the root, and own properties off their initial value', () => {
    const root = styles({ fill: 'rgb(0, 0, 0)', 'font-family': 'system-ui, "Segoe UI"', 'font-size': '13px', opacity: '1', display: 'inline' });
    expect(inlineStyle(root, null)).toBe('fill:rgb(0, 0, 0);font-family:system-ui, "Segoe UI";font-size:13px');
  });

  it('skips inherited values equal to the parent and keeps the ones that differ', () => {
    const parent = styles({ fill: 'rgb(0, 0, 0)', 'font-size': '13px', stroke: 'none' });
    const child = styles({ fill: 'rgb(26, 31, 41)', 'font-size': '13px', stroke: 'none', opacity: '0.5', 'shape-rendering': 'crispedges' });
    expect(inlineStyle(child, parent)).toBe('fill:rgb(26, 31, 41);opacity:0.5;shape-rendering:crispedges');
  });

  it('writes a non-inherited property even when the parent has the same value (opacity does not inherit)', () => {
    const parent = styles({ opacity: '0.5' });
    expect(inlineStyle(styles({ opacity: '0.5' }), parent)).toBe('opacity:0.5');
  });

  it('writes nothing for an element that looks like its parent', () => {
    const same = styles({ fill: 'red', display: 'inline' });
    expect(inlineStyle(same, same)).toBe('');
  });

  it('writes display only when it hides the element', () => {
    expect(inlineStyle(styles({ display: 'block' }), styles({}))).toBe('');
    expect(inlineStyle(styles({ display: 'none' }), styles({}))).toBe('display:none');
  });
});

describe('resolveCssVars', () => {
  const vars = styles({ '--gs-fg': '#1a1f29', '--gs-alias': 'var(--gs-fg)', '--gs-loop': 'var(--gs-loop)' });

  it('replaces custom properties by their values, nested ones included', () => {
    expect(resolveCssVars('var(--gs-fg)', vars)).toBe('#1a1f29');
    expect(resolveCssVars('1px solid var(--gs-alias)', vars)).toBe('1px solid #1a1f29');
  });

  it('uses the fallback (which may hold parentheses or another var) when the property is unset', () => {
    expect(resolveCssVars('var(--nope, rgb(1, 2, 3))', vars)).toBe('rgb(1, 2, 3)');
    expect(resolveCssVars('var(--nope, var(--gs-fg))', vars)).toBe('#1a1f29');
    expect(resolveCssVars('var(--nope)', vars)).toBe('');
  });

  it('leaves text without var() alone and stops on a cycle', () => {
    expect(resolveCssVars('#fff', vars)).toBe('#fff');
    expect(() => resolveCssVars('var(--gs-loop)', vars)).not.toThrow();
  });
});

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });
});
