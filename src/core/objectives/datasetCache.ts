/**
 * The data of a dataset objective, by (objective, parameters, seed): a million samples take a
 * few hundred milliseconds to draw, and the surface view, the minima and the engines all ask
 * for the same data. A few entries are kept (switching back and forth stays instant).
 *
 * A nonzero `data` parameter names imported samples (src/core/data/imported.ts) instead; when
 * this realm does not have them (a link opened elsewhere, a reload) the generated data of the
 * other params stand in, so nothing downstream ever lacks samples. The page says so with a
 * notice (src/core/shareLink/importedData.ts).
 */
import { generateClassification, generateRegression, mean, std, type Dataset, type DatasetKind } from '../data';
import { importedDataset } from '../data/imported';

const cache = new Map<string, Dataset>();
const MAX_ENTRIES = 4;

/** The column's z-score; a column without spread is only centred (it carries no information). */
function standardized(col: Float64Array): Float64Array {
  const m = mean(col);
  const s = std(col, m);
  const scale = s > 0 && Number.isFinite(s) ? s : 1;
  return col.map((v) => (v - m) / scale);
}

/** Standardized views of imported datasets, dropped with the dataset. */
const standardizedViews = new WeakMap<Dataset, Dataset>();

/** Imported samples as the objective sees them: the features z-scored when `standardize`. */
function importedView(d: Dataset, standardize: boolean): Dataset {
  if (!standardize) return d;
  let view = standardizedViews.get(d);
  if (view === undefined) {
    const features = d.kind === 'regression' ? 1 : 2;
    view = { ...d, columns: d.columns.map((c, j) => (j < features ? standardized(c) : c)) };
    standardizedViews.set(d, view);
  }
  return view;
}

const kindOf = (id: string): DatasetKind => (id === 'linear_regression' ? 'regression' : 'classification');

function remember(key: string, make: () => Dataset): Dataset {
  let d = cache.get(key);
  if (d === undefined) {
    d = make();
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, d);
  }
  return d;
}

/**
 * The imported samples (raw, before standardize) that objective `id` with these params races
 * on, or undefined when it uses generated data: `data` is 0, this realm lacks that id, or the
 * samples are of the other kind.
 */
export function importedSamples(id: string, p: Readonly<Record<string, number>>): Dataset | undefined {
  const d = importedDataset(p.data);
  return d && d.kind === kindOf(id) ? d : undefined;
}

/** The dataset of `id` ('linear_regression' | 'logistic_regression') for these params and seed. */
export function datasetFor(id: string, p: Readonly<Record<string, number>>, seed: number): Dataset {
  const standardize = p.standardize === 1;
  // A link may pair an id with the other objective: those samples do not fit its loss.
  const imported = importedSamples(id, p);
  if (imported) return importedView(imported, standardize);
  const { data: _data, ...generated } = p;
  const key = `${id}\u0000${JSON.stringify(generated)}\u0000${seed}`;
  return remember(key, () => {
    const n = p.n;
    return id === 'linear_regression'
      ? generateRegression({ n, noise: p.noise, outliers: p.outliers, standardize, seed })
      : generateClassification({ n, overlap: p.overlap, standardize, seed });
  });
}
