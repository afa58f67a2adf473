/**
 * `npm run simulate`'s argument: a share link (a URL with a '#' fragment, or a bare fragment
 * starting with 'v=' or '#') or a JSON file path. Returns the fragment, or null for a file.
 */
export function linkFragment(arg: string): string | null {
  if (arg.startsWith('#')) return arg.slice(1);
  if (arg.startsWith('v=')) return arg;
  if (/^https?:\/\//.test(arg) || /^[a-z][a-z0-9+.-]*:\/\/.*#/i.test(arg)) {
    const i = arg.indexOf('#');
    return i < 0 ? '' : arg.slice(i + 1);
  }
  return null;
}
