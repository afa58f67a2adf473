/**
 * A link (or the remembered state) may name imported samples by id (the dataset objectives'
 * hidden `data` param) that this tab does not hold: links carry the id, never the data, and
 * imported data are not persisted. Such an experiment is applied with generated data instead,
 * and a notice says why, so the page never shows a surface it cannot explain.
 */
import type { ResolvedExperiment } from '../experiment';
import { getObjective } from '../objectives';
import { importedSamples } from '../objectives/datasetCache';
import type { LinkNotice } from './types';

/** The path of the id in the config, as notices name fields. */
export const DATA_FIELD = 'objective.params.data';

/**
 * `e` itself when its data are at hand (generated, or imported in this tab); otherwise `e` on
 * generated data (`data` = 0, the surface's own start, which the data-derived one was not;
 * every other setting kept) and a 'missingData' notice. The caller drops a zoom window made
 * for the missing data too.
 */
export function withAvailableData(e: ResolvedExperiment): { experiment: ResolvedExperiment; notices: LinkNotice[] } {
  const o = e.objective;
  const id = o.params.data;
  if (!getObjective(o.id).dataset || !id || importedSamples(o.id, o.params)) return { experiment: e, notices: [] };
  return {
    experiment: { ...e, objective: { ...o, params: { ...o.params, data: 0 } }, start: [...getObjective(o.id).start] },
    notices: [
      {
        code: 'missingData',
        field: DATA_FIELD,
        detail: `${DATA_FIELD} = ${id} names data imported from a CSV file, which a link cannot carry and this tab does not have; generated data are shown instead. Import the file again to use it.`,
      },
    ],
  };
}
