/**
 * The outer layer of a link: `key=value&key=value` in the URL fragment, percent-encoded only
 * where a URL needs it (%, &, #, space, quotes and brackets that mail and chat programs mangle,
 * control and non-ASCII characters), so `x^2+4*y^2` and `adam(lr=0.01)` stay readable.
 */

/** Characters written as they are; everything else is percent-encoded (UTF-8). */
const SAFE = /[A-Za-z0-9\-._~!$'()*+,;=:@/?^|[\]{}]/;

export function escapeText(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return out;
}

/** Percent-decodes; a malformed escape (a cut-off link: '%E0%A4%A') is null. */
export function unescapeText(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** `a=1&b=x(y=2)` → [['a','1'], ['b','x(y=2)']], still escaped; a part without '=' has value null. */
export function splitFragment(fragment: string): [string, string | null][] {
  const body = fragment.replace(/^#/, '');
  if (body === '') return [];
  return body.split('&').filter((p) => p !== '').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part, null] : [part.slice(0, eq), part.slice(eq + 1)];
  });
}
