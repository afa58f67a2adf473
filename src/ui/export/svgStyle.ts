/**
 * Style inlining for standalone SVG files, on plain strings (no DOM), so it is unit-tested in
 * node. A plot's SVG draws with the page's CSS: inherited fonts, classes, --gs-* custom
 * properties. A file opened on its own has none of that, so each element gets the computed
 * values it needs as a style attribute, and custom properties are resolved to concrete colours.
 */

/**
 * Presentation properties an exported plot depends on. Inherited ones are written only where
 * they differ from the parent's (the root writes them all), the others only where they differ
 * from their initial value: a contour plot of thousands of paths stays small.
 */
export const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Not inherited, with the initial value that needs no declaration. */
export const OWN_PROPERTIES: Readonly<Record<string, string>> = {
  opacity: '1',
  'shape-rendering': 'auto',
  'mix-blend-mode': 'normal',
};

/** Reads one computed property ('' when unset). */
export type StyleLookup = (property: string) => string;

/**
 * The style attribute for one element: `computed` is its computed style, `parent` its
 * parent's (null for the root, which declares every inherited property).
 */
export function inlineStyle(computed: StyleLookup, parent: StyleLookup | null): string {
  const out: string[] = [];
  for (const p of INHERITED_PROPERTIES) {
    const v = computed(p).trim();
    if (v !== '' && (parent === null || parent(p).trim() !== v)) out.push(`${p}:${v}`);
  }
  for (const [p, initial] of Object.entries(OWN_PROPERTIES)) {
    const v = computed(p).trim();
    if (v !== '' && v !== initial) out.push(`${p}:${v}`);
  }
  // Browsers compute display 'block' or 'inline' for SVG content alike; only 'none' matters.
  if (computed('display').trim() === 'none') out.push('display:none');
  return out.join(';');
}

/** Custom properties nest at most this deep (var(--a) → var(--b) → …): a cycle stops here. */
const MAX_VAR_DEPTH = 8;

/**
 * Replaces every `var(--name)` / `var(--name, fallback)` in `text` by the value `lookup` gives
 * (a page's getPropertyValue), else by the fallback, recursively. An unset property without a
 * fallback becomes '' (the declaration is then invalid, as in CSS).
 */
export function resolveCssVars(text: string, lookup: (name: string) => string, depth = 0): string {
  if (depth >= MAX_VAR_DEPTH || !text.includes('var(')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('var(', i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at);
    // Find the matching parenthesis: fallbacks may hold rgb(…) or another var(…).
    let level = 0;
    let end = at + 3;
    for (; end < text.length; end++) {
      if (text[end] === '(') level++;
      else if (text[end] === ')' && --level === 0) break;
    }
    const inner = text.slice(at + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? '' : inner.slice(comma + 1).trim();
    const value = lookup(name).trim();
    out += resolveCssVars(value !== '' ? value : fallback, lookup, depth + 1);
    i = end + 1;
  }
  return out;
}

/** Text escaped for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}
