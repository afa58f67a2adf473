/**
 * The input side of the experiment config: the zod schema of what people, the CLI and share
 * links write, and the checks that turn a bad value into an ExperimentError naming the field.
 */
import { z } from 'zod';

/** A config that does not validate. `path` names the field, e.g. 'runs[1].hyper.lr'. */
export class ExperimentError extends Error {
  readonly path: string;
  /** For a custom formula that does not compile: 0-based offset of the bad token. */
  readonly position?: number;
  constructor(path: string, message: string, position?: number) {
    super(message);
    this.name = 'ExperimentError';
    this.path = path;
    if (position !== undefined) this.position = position;
  }
}

// `link` metadata drives the share-link codec (src/core/shareLink/schema.ts): a field added
// here travels in links with no codec change.
const scheduleInput = z
  .strictObject({
    kind: z.enum(['constant', 'step', 'exponential', 'cosine']).optional(),
    step_size: z.number().optional(),
    gamma: z.number().optional(),
    t_max: z.number().optional(),
    min_factor: z.number().optional(),
    warmup: z.number().optional(),
  })
  .meta({ link: { head: 'kind' } });

/** How a run draws its samples on a dataset objective (ignored on surfaces). */
const batchInput = z.strictObject({
  size: z.number().optional(),
  sampling: z.enum(['replacement', 'shuffle']).optional(),
  seeds: z.number().optional(),
});

const runInput = z
  .strictObject({
    optimizer: z.string(),
    hyper: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
    label: z.string().optional(),
    color: z.string().optional(),
    hidden: z.boolean().optional(),
    schedule: scheduleInput.optional(),
    max_grad_norm: z.number().optional(),
    batch: batchInput.optional(),
  })
  .meta({ link: { head: 'optimizer', spread: 'hyper' } });

/** Shape of an experiment config as written by people, the CLI and share links. */
export const experimentInputSchema = z.strictObject({
  version: z.literal(1).optional(),
  objective: z
    .strictObject({
      id: z.string(),
      params: z.record(z.string(), z.number()).optional(),
      formula: z.string().optional(),
    })
    .meta({ link: { head: 'id', spread: 'params', key: 'f' } }),
  start: z.tuple([z.number(), z.number()]).optional(),
  steps: z.number().optional().meta({ link: { context: true } }),
  seed: z.number().optional(),
  gradTol: z.number().optional(),
  bound: z.number().optional(),
  runs: z.array(runInput),
});

/** The input shape: everything optional except objective.id and runs[].optimizer. */
export type ExperimentInput = z.input<typeof experimentInputSchema>;

/** 'runs[1].hyper.lr' from ['runs', 1, 'hyper', 'lr']. */
function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? String(k) : `.${String(k)}`;
  return s === '' ? '(config)' : s;
}

/** A bad value as the error message shows it (strings quoted, objects by kind). */
export function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A zod issue, rewritten so it names the field and the bad value. */
export function issueError(input: unknown, issue: z.core.$ZodIssue): ExperimentError {
  const path = pathText(issue.path);
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return new ExperimentError(pathText([...issue.path, key]), `${pathText([...issue.path, key])} is not a known field`);
  }
  if (value === undefined) return new ExperimentError(path, `${path} is missing`);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return new ExperimentError(path, `${path} = ${show(value)} is not a finite number`);
  }
  if (issue.code === 'invalid_type') {
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    return new ExperimentError(path, `${path} = ${show(value)} should be ${article} ${issue.expected}`);
  }
  if (issue.code === 'invalid_value') {
    return new ExperimentError(path, `${path} = ${show(value)} is not one of ${issue.values.map((v) => show(v)).join(', ')}`);
  }
  if (issue.code === 'invalid_union') return new ExperimentError(path, `${path} = ${show(value)} should be a number or a boolean`);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return new ExperimentError(path, `${path} should have exactly 2 entries (got ${Array.isArray(value) ? value.length : show(value)})`);
  }
  return new ExperimentError(path, `${path} = ${show(value)}: ${issue.message}`);
}

/** The allowed values of a number field (HyperSpec and ObjectiveParamSpec fit this shape). */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly kind?: 'real' | 'int' | 'bool';
}

/** Range / integer / boolean check; returns the value with −0 normalised to 0. */
export function checkNumber(path: string, v: number | boolean, range: Range): number {
  if (typeof v === 'boolean') {
    if (range.kind === 'bool') return v ? 1 : 0;
    throw new ExperimentError(path, `${path} = ${v} should be a number`);
  }
  if (!Number.isFinite(v)) throw new ExperimentError(path, `${path} = ${show(v)} is not a finite number`);
  if (range.kind === 'bool' && v !== 0 && v !== 1) throw new ExperimentError(path, `${path} = ${v} should be 0 or 1 (or false/true)`);
  if (range.kind === 'int' && !Number.isInteger(v)) throw new ExperimentError(path, `${path} = ${v} is not an integer`);
  if (v < range.min) throw new ExperimentError(path, `${path} = ${v} is below the minimum ${range.min}`);
  if (v > range.max) throw new ExperimentError(path, `${path} = ${v} is above the maximum ${range.max}`);
  return v + 0;
}

/** Rejects the first name in `given` that is not in `known` (typos in hyper/param names). */
export function checkNames(path: string, given: Readonly<Record<string, unknown>>, known: readonly string[], what: string): void {
  for (const name of Object.keys(given)) {
    if (!known.includes(name)) {
      const list = known.length > 0 ? `known: ${known.join(', ')}` : 'it has none';
      throw new ExperimentError(`${path}.${name}`, `${path}.${name} is not a ${what} (${list})`);
    }
  }
}

/** The schedule as written (every field optional). */
export type ScheduleInput = z.infer<typeof scheduleInput>;


/** The batch regime as written (every field optional). */
export type BatchInput = z.infer<typeof batchInput>;
