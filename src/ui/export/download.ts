/** File names of the exports, and handing a Blob to the browser as a download. */

/** What an export holds; the part of the file name after the surface. */
export type ExportKind = 'experiment' | 'surface' | 'loss' | 'trajectories' | 'loss-curves';

/**
 * `gradscape-<surface>-<kind>.<ext>`, e.g. gradscape-rosenbrock-surface.png. The surface id is
 * reduced to [a-z0-9-] so the name is safe on every file system.
 */
export function exportFileName(surfaceId: string, kind: ExportKind, ext: string): string {
  const surface = surfaceId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'surface';
  return `gradscape-${surface}-${kind}.${ext}`;
}

/** MIME types of the exported files. */
export const MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  svg: 'image/svg+xml;charset=utf-8',
  png: 'image/png',
} as const;

/** Lets the browser save `blob` as `fileName` (a temporary object URL on a download link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download reads the URL after this task: revoke it a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file of the given MIME type. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
