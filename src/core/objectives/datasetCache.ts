/**
 * The generated data of a dataset objective, by (objective, parameters, seed): a million samples
 * take a few hundred milliseconds to draw, and the surface view, the minima and the engines all
 * ask for the same data. A few entries are kept (switching back and forth stays instant).
 */
import { generateClassification, generateRegression, type Dataset } from '../data';

const cache = new Map<string, Dataset>();
const MAX_ENTRIES = 4;

/** The dataset of `id` ('linear_regression' | 'logistic_regression') for these params and seed. */
export function datasetFor(id: string, p: Readonly<Record<string, number>>, seed: number): Dataset {
  const key = `${id}\u0000${JSON.stringify(p)}\u0000${seed}`;
  let d = cache.get(key);
  if (d === undefined) {
    const n = p.n;
    const standardize = p.standardize === 1;
    d =
      id === 'linear_regression'
        ? generateRegression({ n, noise: p.noise, outliers: p.outliers, standardize, seed })
        : generateClassification({ n, overlap: p.overlap, standardize, seed });
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, d);
  }
  return d;
}
