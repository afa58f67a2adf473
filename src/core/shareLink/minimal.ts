/**
 * The shortest config JSON that resolves to the same experiment: every value equal to what
 * resolveExperiment would fill in anyway is left out, so links read `adam(lr=0.02)` rather
 * than every hyperparameter. Generic over the schema: the defaults come from resolving a
 * skeleton (heads — objective.id, runs[].optimizer — and `context` fields such as steps, on
 * which other defaults depend), and the result is verified; if it would not resolve to the
 * same experiment, the full JSON is used.
 */
import { experimentInputSchema, experimentToJSON, resolveExperiment, type ExperimentInput, type ResolvedExperiment } from '../experiment';
import { unwrap } from './schema';
import type { z } from 'zod';

type Json = unknown;
const optional = (s: z.ZodType) => s.safeParse(undefined).success;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The heads (and, at the top, the context fields) of `json`, nothing else. Without
 * `optionalHeads`, optional objects are left out whole: resolving that skeleton gives the
 * value a head takes when its object is not written at all (a run's schedule kind).
 */
function skeleton(s: z.ZodType, json: Json, top: boolean, optionalHeads = true): Json {
  const { def, meta } = unwrap(s);
  if (def.type === 'array' && Array.isArray(json)) return json.map((v) => skeleton(def.element!, v, false, optionalHeads));
  if (def.type !== 'object' || !isRecord(json)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(def.shape ?? {})) {
    const m = unwrap(sub);
    if (k === meta.head || (top && m.meta.context)) out[k] = json[k];
    else if (m.def.type === 'object' || m.def.type === 'array') {
      if (!optionalHeads && optional(sub)) continue;
      const inner = skeleton(sub, json[k], false, optionalHeads);
      if (inner !== undefined && (Array.isArray(inner) || Object.keys(inner as object).length > 0)) out[k] = inner;
    }
  }
  return out;
}

/**
 * `json` without the leaves equal to `defaults`. Heads and context fields stay; a required
 * field stays (as its head, when it is an object with one); an optional object left with only
 * its default head goes (`schedule=constant` says nothing). `defaults` were resolved with the
 * heads of `json`, so an object's head always equals its own default there: whether it may go
 * is decided against `bare`, the values when the object is not written at all.
 */
function strip(s: z.ZodType, json: Json, defaults: Json, bare: Json): Json {
  const { def, meta } = unwrap(s);
  if (def.type === 'array' && Array.isArray(json) && Array.isArray(defaults) && def.element) {
    const b = Array.isArray(bare) ? bare : [];
    return json.map((v, i) => strip(def.element!, v, defaults[i], b[i]) ?? headOnly(def.element!, v));
  }
  if ((def.type === 'object' || def.type === 'record') && isRecord(json) && isRecord(defaults)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) {
      const sub = def.type === 'object' ? def.shape?.[k] : def.valueType;
      if (k === meta.head || !sub || unwrap(sub).meta.context) {
        out[k] = v;
        continue;
      }
      const omittable = def.type === 'record' || optional(sub);
      const m = unwrap(sub).meta;
      const bareK = isRecord(bare) ? bare[k] : undefined;
      const headIsBare = m.head === undefined || !isRecord(v) || same(v[m.head], isRecord(bareK) ? bareK[m.head] : undefined);
      // A required value equal to its default still goes through strip: it keeps its heads.
      const inner = omittable && headIsBare && same(v, defaults[k]) ? undefined : strip(sub, v, defaults[k], bareK);
      const onlyDefaultHead = m.head !== undefined && headIsBare && isRecord(inner) && Object.keys(inner).length === 1;
      if (omittable && (inner === undefined || onlyDefaultHead)) continue;
      out[k] = inner ?? headOnly(sub, v);
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return same(json, defaults) ? undefined : json;
}

/** The least a required value can be written as: its head alone, or itself. */
function headOnly(s: z.ZodType, v: Json): Json {
  const { meta } = unwrap(s);
  return meta.head !== undefined && isRecord(v) ? { [meta.head]: v[meta.head] } : v;
}

/** The shortest input that resolves to `e` (never for a `runs` element: they keep their heads). */
export function minimalInput(e: ResolvedExperiment, schema: z.ZodType = experimentInputSchema): ExperimentInput {
  const full = experimentToJSON(e) as Record<string, unknown>;
  const { version: _v, ...body } = full;
  try {
    const defaults = experimentToJSON(resolveExperiment(skeleton(schema, body, true)));
    const bare = experimentToJSON(resolveExperiment(skeleton(schema, body, true, false)));
    let out = (strip(schema, body, defaults, bare) ?? {}) as Record<string, unknown>;
    // Context fields go too when their own default gives the same experiment.
    for (const [k, sub] of Object.entries(unwrap(schema).def.shape ?? {})) {
      if (!unwrap(sub).meta.context || !(k in out)) continue;
      const { [k]: _drop, ...without } = out;
      if (same(resolveExperiment(without), e)) out = without;
    }
    if (same(resolveExperiment(out), e)) return out as ExperimentInput;
  } catch {
    /* fall through to the full JSON, which always resolves to e */
  }
  return body as ExperimentInput;
}
