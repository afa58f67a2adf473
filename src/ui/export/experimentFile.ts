/**
 * The experiment as a JSON file, and reading one back. Pure (no DOM): the file is
 * experimentToJSON of the race, pretty-printed, which the simulate CLI reads as it is
 * (`npm run simulate -- gradscape-rosenbrock-experiment.json`); no marker field is added,
 * since the config schema is strict and would refuse it. Reading goes through the share
 * link's validator (repairExperiment), so a file is held to the same rules as a link: what is
 * valid applies, and each ignored part is reported.
 */
import { experimentToJSON, type ResolvedExperiment } from '../../core/experiment';
import { getOptimizer } from '../../core/optimizers';
import { repairExperiment, type LinkNotice } from '../../core/shareLink';
import { withAvailableData } from '../../core/shareLink/importedData';

/** Largest file read, bytes: an experiment of 64 runs is a few tens of kB. */
export const MAX_EXPERIMENT_BYTES = 1024 * 1024;

/**
 * A run without a label of its own (draft label '': "the optimizer's translated name") is
 * written with the optimizer's default name, and a default name read back becomes '' again:
 * the same convention as share links (src/ui/share/linkOfStore.ts), so a file reads in any
 * language and says what a link of the same race says.
 */
function withDefaultLabels(e: ResolvedExperiment): ResolvedExperiment {
  return { ...e, runs: e.runs.map((r) => (r.label === '' ? { ...r, label: getOptimizer(r.optimizer).name } : r)) };
}

function withoutDefaultLabels(e: ResolvedExperiment): ResolvedExperiment {
  return { ...e, runs: e.runs.map((r) => (r.label === getOptimizer(r.optimizer).name ? { ...r, label: '' } : r)) };
}

/** The file's text: the full config, every default written, two-space indents, final newline. */
export function experimentFileText(e: ResolvedExperiment): string {
  return `${JSON.stringify(experimentToJSON(withDefaultLabels(e)), null, 2)}\n`;
}

/** Why a file was refused as a whole (nothing was applied). */
export type ImportRefusal = 'tooLarge' | 'notJson' | 'invalid';

/** What reading a file gives: the experiment to load and what was ignored, or a refusal. */
export type ImportOutcome =
  | { readonly ok: true; readonly experiment: ResolvedExperiment; readonly notices: readonly LinkNotice[] }
  | { readonly ok: false; readonly reason: ImportRefusal; readonly detail: string };

/** True when a file of `bytes` bytes is over the limit (checked before reading it). */
export function tooLarge(bytes: number): boolean {
  return bytes > MAX_EXPERIMENT_BYTES;
}

/**
 * Notices that mean the file held no experiment of its own: repairExperiment then falls back to
 * the default runs (runs missing, empty, not a list, no run valid) or to the whole default
 * experiment (not an object; field ''), which would be the defaults, not the file. Anything
 * else (a bad value, an unknown key, even an unknown surface) applies the rest, as a link does.
 */
function isFatal(n: LinkNotice): boolean {
  return n.code === 'noRuns' || n.field === 'runs' || n.field === '' || n.field === '(config)';
}

/** Parses and validates a file's text. */
export function readExperimentFile(text: string): ImportOutcome {
  if (tooLarge(new TextEncoder().encode(text).length)) return { ok: false, reason: 'tooLarge', detail: '' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'notJson', detail: (e as Error).message };
  }
  const repaired = repairExperiment(json);
  const fatal = repaired.notices.find(isFatal);
  if (fatal) return { ok: false, reason: 'invalid', detail: fatal.detail };
  // A file names imported data by id, as a link does: without them here, generated data.
  const { experiment, notices } = withAvailableData(repaired.experiment);
  return { ok: true, experiment: withoutDefaultLabels(experiment), notices: [...repaired.notices, ...notices] };
}
