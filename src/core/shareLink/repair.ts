/**
 * Applies what is valid of an experiment-like value (a decoded link, an imported file, the
 * remembered state) and says what was not. resolveExperiment names the first bad field; that
 * field is removed (or, where removing it cannot help, its part: an unknown optimizer drops the
 * run, an unknown surface falls back to the default one) and the rest is tried again, until it
 * resolves. Never throws.
 */
import { ExperimentError, MAX_RUNS, resolveExperiment, type ResolvedExperiment } from '../experiment';
import { DEFAULT_OBJECTIVE, DEFAULT_RUNS, defaultExperiment } from './defaults';
import type { LinkNotice, LinkNoticeCode } from './types';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Each repair removes something, so a config of n fields needs at most about n rounds. */
const MAX_ROUNDS = 2000;

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** 'runs[1].hyper.lr' → ['runs', 1, 'hyper', 'lr']. */
function segments(path: string): (string | number)[] {
  if (path === '(config)' || path === '') return [];
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** Deletes the value at `segs`; false when there was nothing there. */
function deleteAt(root: unknown, segs: readonly (string | number)[]): boolean {
  let cur: unknown = root;
  for (let i = 0; i < segs.length - 1; i++) {
    cur = isRecord(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[segs[i]] : undefined;
  }
  const last = segs[segs.length - 1];
  if (Array.isArray(cur) && typeof last === 'number' && last < cur.length) {
    cur.splice(last, 1);
    return true;
  }
  if (isRecord(cur) && typeof last === 'string' && last in cur) {
    delete cur[last];
    return true;
  }
  return false;
}

function classify(e: ExperimentError): LinkNoticeCode {
  if (/is not a known field|is not a (hyper)?parameter of|is not a parameter/.test(e.message)) return 'unknownKey';
  if (/^runs is empty/.test(e.message)) return 'noRuns';
  return 'invalid';
}

/** One repair for the error at `segs`; false when nothing more can be done. */
function repair(cfg: Obj, segs: (string | number)[], runIndex: number[]): boolean {
  const [top, a, b] = segs;
  if (top === 'objective') {
    if (segs.length <= 2 && a !== 'formula' && a !== 'params') {
      cfg.objective = { ...DEFAULT_OBJECTIVE };
      delete cfg.start;
      return true;
    }
    return deleteAt(cfg, segs) || deleteAt(cfg, ['objective', String(a)]);
  }
  if (top === 'runs') {
    const runs = cfg.runs;
    if (segs.length === 1) {
      if (Array.isArray(runs) && runs.length > MAX_RUNS) {
        runs.length = MAX_RUNS;
        runIndex.length = MAX_RUNS;
      } else {
        cfg.runs = clone(DEFAULT_RUNS);
        runIndex.splice(0, runIndex.length, ...DEFAULT_RUNS.map(() => -1));
      }
      return true;
    }
    if (typeof a === 'number' && (segs.length === 2 || b === 'optimizer') && Array.isArray(runs)) {
      runs.splice(a, 1);
      runIndex.splice(a, 1);
      return true;
    }
    if (deleteAt(cfg, segs)) return true;
    return typeof a === 'number' && typeof b === 'string' && deleteAt(cfg, ['runs', a, b]);
  }
  if (segs.length === 0) return false;
  // start[1], and any other top-level field: fall back to its default.
  return deleteAt(cfg, [segs[0]]);
}

/** The path as the user wrote it: run numbers before any run was dropped. */
function original(text: string, runIndex: readonly number[]): string {
  return text.replace(/runs\[(\d+)\]/g, (m, k: string) => {
    const i = runIndex[Number(k)];
    return i === undefined || i < 0 ? m : `runs[${i}]`;
  });
}

/**
 * Validates `input` like resolveExperiment, applying what is valid. `runIndex` maps the runs
 * of `input` to the run numbers the notices should name (a link whose unreadable runs were
 * already dropped).
 */
export function repairExperiment(input: unknown, runIndex?: readonly number[]): { experiment: ResolvedExperiment; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  if (!isRecord(input)) {
    notices.push({ code: 'invalid', field: '', detail: 'the experiment should be an object with objective and runs' });
    return { experiment: defaultExperiment(), notices };
  }
  const cfg = clone(input) as Obj;
  const index = runIndex ? [...runIndex] : Array.isArray(cfg.runs) ? cfg.runs.map((_, i) => i) : [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      return { experiment: resolveExperiment(cfg), notices };
    } catch (e) {
      if (!(e instanceof ExperimentError)) {
        notices.push({ code: 'invalid', field: '', detail: String(e) });
        break;
      }
      notices.push({ code: classify(e), field: original(e.path, index), detail: original(e.message, index) });
      if (!repair(cfg, segments(e.path), index)) break;
    }
  }
  return { experiment: defaultExperiment(), notices };
}
