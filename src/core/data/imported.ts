/**
 * Datasets the user imported (a CSV), held in memory under a content id: a u32 FNV-1a hash of
 * the kind and of every value's float64 bytes. The experiment names its data by that id (the
 * dataset objectives' hidden `data` parameter, 0 = generated), so configs stay small and
 * serialisable and a link carries the id, never the samples. The same file imported twice gets
 * the same id, in any tab.
 *
 * Nothing here is persisted: a reload, a new tab or someone opening a shared link does not have
 * the samples, and src/core/shareLink/importedData.ts turns that into a notice. Each JS realm
 * (the page, every engine worker) has its own registry; the CPU engine posts the samples to its
 * workers along with the experiment.
 */
import { linearFit } from './stats';
import type { Dataset } from './types';

/** Imported datasets kept at most (the most recently registered ones); each can be ~24 MB. */
export const MAX_IMPORTED = 4;

const registry = new Map<number, Dataset>();

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Content id of a dataset: FNV-1a (32-bit) over its kind, its row count and the bytes of every
 * value (column by column), never 0 (0 means "generated data"). Any changed value, row or
 * kind changes it (short of a 1-in-2³² collision); the file's name does not.
 */
export function datasetHash(d: Pick<Dataset, 'kind' | 'n' | 'columns'>): number {
  let h = FNV_OFFSET;
  const byte = (b: number) => {
    h = Math.imul(h ^ b, FNV_PRIME);
  };
  for (let i = 0; i < d.kind.length; i++) byte(d.kind.charCodeAt(i) & 0xff);
  for (let s = 0; s < 32; s += 8) byte((d.n >>> s) & 0xff);
  const scratch = new Float64Array(1);
  const bytes = new Uint8Array(scratch.buffer);
  for (const col of d.columns) {
    for (let i = 0; i < d.n; i++) {
      scratch[0] = col[i];
      for (let k = 0; k < 8; k++) byte(bytes[k]);
    }
  }
  const id = h >>> 0;
  return id === 0 ? 1 : id;
}

/**
 * Keeps `d` for lookups and returns its id (`id` when given: a worker registers the samples
 * under the id the page computed, without hashing them again). Registering the same content
 * again replaces the entry (a new file name) and makes it the most recent.
 */
export function registerImported(d: Dataset, id: number = datasetHash(d)): number {
  if (!Number.isInteger(id) || id < 1 || id > 0xffffffff) throw new Error(`registerImported: id must be an integer in [1, 4294967295], got ${id}`);
  registry.delete(id);
  registry.set(id, d);
  while (registry.size > MAX_IMPORTED) registry.delete(registry.keys().next().value!);
  return id;
}

/** The imported dataset with this id, if this realm has it (undefined for 0 and unknown ids). */
export function importedDataset(id: number | undefined): Dataset | undefined {
  return id ? registry.get(id) : undefined;
}

/** Forgets every imported dataset (tests). */
export function clearImported(): void {
  registry.clear();
}

/** Why parsed data cannot be raced on although the CSV was well formed. */
export type ImportProblem = 'noLine';

/**
 * A dataset-level check after parsing: regression data whose x never changes (or whose values
 * are so large that their squares overflow) has no least-squares line, so the surface would
 * have no minimum and the known-minimum code would throw. Null when the data can be used.
 */
export function importProblem(d: Dataset): ImportProblem | null {
  if (d.kind !== 'regression') return null;
  try {
    const { w, b } = linearFit(d);
    return Number.isFinite(w) && Number.isFinite(b) ? null : 'noLine';
  } catch {
    return 'noLine';
  }
}
