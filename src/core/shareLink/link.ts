/**
 * Share links: `#v=1&f=rosenbrock&start=-1.5;2.2&steps=3000&runs=gd(lr=0.001);adam(lr=0.02)`.
 * Top-level keys are the experiment config's fields (objective is `f`), then the link's own:
 * view, lang, present, embed, hide, lesson. Each value is written by the schema layer
 * (schema.ts) in the value grammar (value.ts), percent-encoded only where a URL needs it
 * (fragment.ts). Decoding never throws: it applies what is valid and lists what it ignored.
 */
import { z } from 'zod';
import { experimentInputSchema, type ExperimentInput } from '../experiment';
import { isLessonId } from '../lessons';
import { DEFAULT_INPUT, defaultLinkState } from './defaults';
import { escapeText, splitFragment, unescapeText } from './fragment';
import { minimalInput } from './minimal';
import { repairExperiment } from './repair';
import { fromLink, toLink, unwrap } from './schema';
import { HIDEABLE, LINK_VERSION, MAX_LINK_LENGTH, type LinkNotice, type LinkState, type LinkView } from './types';
import { LinkSyntaxError, parseValue, printValue, splitItems, type LinkValue } from './value';

/** The link's own fields, after the experiment's. */
export const linkExtrasSchema = z.strictObject({
  view: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  lang: z.enum(['en', 'zh-CN']).optional(),
  present: z.boolean().optional(),
  embed: z.boolean().optional(),
  hide: z.array(z.enum(HIDEABLE)).optional(),
  lesson: z.string().optional(),
});

interface Field {
  readonly name: string;
  readonly key: string;
  readonly schema: z.ZodType;
  readonly part: 'experiment' | 'extras';
}

/** Link fields of a config schema plus the extras (a schema parameter, so tests can extend it). */
export function linkFields(schema: z.ZodType = experimentInputSchema): Field[] {
  const fields: Field[] = [];
  for (const [part, s] of [['experiment', schema], ['extras', linkExtrasSchema]] as const) {
    for (const [name, sub] of Object.entries(unwrap(s).def.shape ?? {})) {
      if (part === 'experiment' && name === 'version') continue;
      fields.push({ name, key: unwrap(sub).meta.key ?? name, schema: sub, part });
    }
  }
  return fields;
}

/** A JSON object as `key=value&…` (the fragment without '#', no version). */
export function encodeFields(fields: readonly Field[], json: { experiment: Record<string, unknown>; extras: Record<string, unknown> }): string[] {
  const parts: string[] = [];
  for (const f of fields) {
    const lv = toLink(f.schema, json[f.part][f.name]);
    if (lv !== undefined) parts.push(`${f.key}=${escapeText(printValue(lv))}`);
  }
  return parts;
}



function extrasOf(state: LinkState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (state.view) out.view = [state.view.x[0], state.view.x[1], state.view.y[0], state.view.y[1]];
  if (state.lang) out.lang = state.lang;
  if (state.mode.present) out.present = true;
  if (state.mode.embed) out.embed = true;
  if (state.mode.hide.length > 0) out.hide = [...state.mode.hide];
  if (state.mode.lesson) out.lesson = state.mode.lesson;
  return out;
}

/** The link fragment (without '#') of a state; defaults are left out (they are part of v1). */
export function encodeLink(state: LinkState): string {
  const experiment = minimalInput(state.experiment) as Record<string, unknown>;
  return [`v=${LINK_VERSION}`, ...encodeFields(linkFields(), { experiment, extras: extrasOf(state) })].join('&');
}

/** Parses one field's text; a list field item by item, so one bad run keeps the others. */
function parseField(f: Field, text: string, notices: LinkNotice[]): { value: LinkValue; index?: number[] } | undefined {
  const report = (e: unknown, where: string) => {
    const truncated = e instanceof LinkSyntaxError && e.truncated;
    notices.push({ code: truncated ? 'truncated' : 'syntax', field: where, detail: `${where}: ${(e as Error).message}` });
  };
  if (unwrap(f.schema).def.type === 'array') {
    const items: LinkValue[] = [];
    const index: number[] = [];
    splitItems(text).forEach((item, i) => {
      try {
        items.push(parseValue(item));
        index.push(i);
      } catch (e) {
        report(e, `${f.name}[${i}]`);
      }
    });
    return { value: items, index };
  }
  try {
    return { value: parseValue(text) };
  } catch (e) {
    report(e, f.name);
    return undefined;
  }
}

function viewOf(v: unknown, notices: LinkNotice[]): LinkView | null {
  if (!Array.isArray(v)) return null;
  const [x0, x1, y0, y1] = v as number[];
  if (![x0, x1, y0, y1].every(Number.isFinite) || !(x0 < x1) || !(y0 < y1) || Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1)) > 1e12) {
    notices.push({ code: 'invalid', field: 'view', detail: `view = ${v.join(';')} should be x0;x1;y0;y1 with x0 < x1 and y0 < y1` });
    return null;
  }
  return { x: [x0 + 0, x1 + 0], y: [y0 + 0, y1 + 0] }; // -0 reads as 0
}

/** The JSON of the link's fields, what could not be read left out with a notice (the version is checked here). */
export function readFields(fields: readonly Field[], fragment: string, notices: LinkNotice[]): { json: { experiment: Record<string, unknown>; extras: Record<string, unknown> }; runIndex?: number[] } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const json = { experiment: {} as Record<string, unknown>, extras: {} as Record<string, unknown> };
  let runIndex: number[] | undefined;
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of splitFragment(fragment)) {
    const key = unescapeText(rawKey) ?? rawKey;
    if (seen.has(key)) notices.push({ code: 'invalid', field: key, detail: `${key} is given more than once; the last one is used` });
    seen.add(key);
    const text = rawValue === null ? null : unescapeText(rawValue);
    if (key === 'v') {
      if (text !== String(LINK_VERSION)) {
        notices.push({ code: 'version', field: 'v', detail: `link version ${text ?? '(none)'} is not ${LINK_VERSION}, the version this app reads; read as version ${LINK_VERSION}` });
      }
      continue;
    }
    const f = byKey.get(key);
    if (!f) {
      notices.push({ code: 'unknownKey', field: key.slice(0, 40), detail: `'${key.slice(0, 40)}' is not a link setting (known: v, ${fields.map((x) => x.key).join(', ')})` });
      continue;
    }
    if (text === null) {
      notices.push({ code: rawValue === null ? 'syntax' : 'truncated', field: f.name, detail: rawValue === null ? `${key} has no value (${key}=…)` : `${key}: a %-escape is broken` });
      continue;
    }
    const parsed = parseField(f, text, notices);
    if (!parsed) continue;
    const v = fromLink(f.schema, parsed.value, f.name, notices);
    if (v === undefined) continue;
    json[f.part][f.name] = v;
    if (f.name === 'runs') runIndex = parsed.index;
  }
  return { json, runIndex };
}

/** Reads a link fragment (with or without '#'). Never throws. */
export function decodeLink(fragment: string): { state: LinkState; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  if (typeof fragment !== 'string') return { state: defaultLinkState(), notices: [{ code: 'invalid', field: '', detail: 'the link is not text' }] };
  if (fragment.length > MAX_LINK_LENGTH) {
    notices.push({ code: 'tooLong', field: '', detail: `the link has ${fragment.length} characters; at most ${MAX_LINK_LENGTH} are read` });
    return { state: defaultLinkState(), notices };
  }
  const { json, runIndex: index } = readFields(linkFields(), fragment, notices);
  let runIndex = index;
  const input = json.experiment as ExperimentInput & Record<string, unknown>;
  if (input.objective === undefined) input.objective = { ...DEFAULT_INPUT.objective };
  if (input.runs === undefined) {
    input.runs = DEFAULT_INPUT.runs.map((r) => ({ ...r }));
    runIndex = undefined;
  }
  const { experiment, notices: invalid } = repairExperiment(input, runIndex);
  notices.push(...invalid);
  const x = json.extras;
  let lesson = typeof x.lesson === 'string' ? x.lesson : null;
  if (lesson !== null && !isLessonId(lesson)) {
    notices.push({ code: 'invalid', field: 'lesson', detail: `lesson = ${lesson.slice(0, 40)} is not a known lesson` });
    lesson = null;
  }
  const state: LinkState = {
    experiment,
    view: viewOf(x.view, notices),
    lang: (x.lang as LinkState['lang']) ?? null,
    mode: { present: x.present === true, embed: x.embed === true, hide: [...new Set((x.hide as string[] | undefined) ?? [])], lesson },
  };
  return { state, notices };
}
