/**
 * The schema layer: JSON values ↔ link values, driven by the zod schema of the config and the
 * `link` metadata on it (`.meta({ link: … })`), so a field added to the schema travels in
 * links with no codec change. Metadata:
 * - head:   an object's field written before its parentheses: `adam(…)` for runs[].optimizer
 * - spread: a record field whose entries are written among the object's own: `adam(lr=0.01)`
 *           for runs[].hyper (an entry whose name clashes is written `hyper=(…)`)
 * - key:    the top-level link key, when it is not the field's name (`f` for objective)
 * - context: a field whose value the defaults of others depend on (steps: a cosine schedule's
 *           t_max defaults to it); see minimal.ts
 * Reading is forgiving: a value that does not fit is left out with a notice, the rest is kept.
 */
import type { z } from 'zod';
import type { LinkNotice } from './types';
import { printValue, type LinkCall, type LinkValue } from './value';

export interface LinkMeta {
  readonly head?: string;
  readonly spread?: string;
  readonly key?: string;
  readonly context?: boolean;
}

type AnySchema = z.ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly shape?: Readonly<Record<string, AnySchema>>;
  readonly element?: AnySchema;
  readonly items?: readonly AnySchema[];
  readonly valueType?: AnySchema;
  readonly options?: readonly AnySchema[];
  readonly entries?: Readonly<Record<string, string>>;
  readonly values?: readonly unknown[];
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'nonoptional']);

/** The schema under optional/default wrappers, with the link metadata found on the way. */
export function unwrap(s: AnySchema): { schema: AnySchema; def: Def; meta: LinkMeta } {
  let meta: LinkMeta = {};
  let cur = s;
  for (;;) {
    const m = (cur.meta() as { link?: LinkMeta } | undefined)?.link;
    if (m) meta = { ...m, ...meta };
    const d = defOf(cur);
    if (!WRAPPERS.has(d.type) || !d.innerType) return { schema: cur, def: d, meta };
    cur = d.innerType;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON value as a link value (undefined: nothing to write). */
export function toLink(s: AnySchema, json: unknown): LinkValue | undefined {
  if (json === undefined) return undefined;
  const { def, meta } = unwrap(s);
  switch (def.type) {
    case 'object': {
      if (!isRecord(json)) return undefined;
      const shape = def.shape ?? {};
      const args: [string, LinkValue][] = [];
      const clash: [string, LinkValue][] = [];
      if (meta.spread && isRecord(json[meta.spread])) {
        const inner = unwrap(shape[meta.spread]).def.valueType;
        for (const [k, v] of Object.entries(json[meta.spread] as Record<string, unknown>)) {
          const lv = inner ? toLink(inner, v) : undefined;
          if (lv === undefined) continue;
          (k in shape ? clash : args).push([k, lv]);
        }
      }
      for (const [k, sub] of Object.entries(shape)) {
        if (k === meta.head || k === meta.spread) continue;
        const lv = toLink(sub, json[k]);
        if (lv !== undefined) args.push([k, lv]);
      }
      if (clash.length > 0 && meta.spread) args.push([meta.spread, { kind: 'call', head: null, args: clash }]);
      const head = meta.head !== undefined && typeof json[meta.head] === 'string' ? (json[meta.head] as string) : null;
      if (head !== null && args.length === 0) return head;
      return { kind: 'call', head, args };
    }
    case 'record': {
      if (!isRecord(json) || !def.valueType) return undefined;
      const args: [string, LinkValue][] = [];
      for (const [k, v] of Object.entries(json)) {
        const lv = toLink(def.valueType, v);
        if (lv !== undefined) args.push([k, lv]);
      }
      return { kind: 'call', head: null, args };
    }
    case 'array':
    case 'tuple': {
      if (!Array.isArray(json)) return undefined;
      const items = json.map((v, i) => toLink(def.type === 'array' ? def.element! : def.items![i], v));
      if (items.some((v) => v === undefined)) return undefined;
      return items.length === 1 ? items[0] : (items as LinkValue[]);
    }
    case 'boolean':
      return typeof json === 'boolean' ? (json ? 1 : 0) : undefined;
    case 'union':
      return typeof json === 'boolean' ? (json ? 1 : 0) : typeof json === 'number' || typeof json === 'string' ? json : undefined;
    default:
      return typeof json === 'number' || typeof json === 'string' ? json : undefined;
  }
}

/** Where a value came from, for notices: the JSON path ('runs[1].hyper.lr'). */
function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

function invalid(notices: LinkNotice[], path: string, v: LinkValue, why: string): undefined {
  notices.push({ code: 'invalid', field: path, detail: `${path} = ${printValue(Array.isArray(v) ? v : v)} ${why}` });
  return undefined;
}

const asList = (v: LinkValue): LinkValue[] => (Array.isArray(v) ? v : v === '' ? [] : [v]);

function objectFrom(def: Def, meta: LinkMeta, v: LinkValue, path: string, notices: LinkNotice[]): Record<string, unknown> | undefined {
  const call: LinkCall | undefined = typeof v === 'string' && meta.head ? { kind: 'call', head: v, args: [] } : typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  if (!call) return invalid(notices, path, v, meta.head ? `should look like name(setting=value,…)` : 'should look like (setting=value,…)');
  const shape = def.shape ?? {};
  const out: Record<string, unknown> = {};
  if (meta.head) {
    if (call.head === null) return invalid(notices, path, v, `needs a name before its '('`);
    out[meta.head] = call.head;
  } else if (call.head !== null) notices.push({ code: 'invalid', field: path, detail: `${path}: '${call.head}(' is not expected here; the name is ignored` });
  const spreadValue = meta.spread ? unwrap(shape[meta.spread]).def.valueType : undefined;
  const spread: Record<string, unknown> = {};
  for (const [k, a] of call.args) {
    if (k === meta.head) {
      notices.push({ code: 'unknownKey', field: join(path, k), detail: `${join(path, k)} is written before the '(', not inside` });
    } else if (k === meta.spread && spreadValue && typeof a === 'object' && !Array.isArray(a)) {
      for (const [sk, sa] of a.args) {
        const sv = fromLink(spreadValue, sa, join(join(path, k), sk), notices);
        if (sv !== undefined) spread[sk] = sv;
      }
    } else if (k in shape) {
      const fv = fromLink(shape[k], a, join(path, k), notices);
      if (fv !== undefined) out[k] = fv;
    } else if (spreadValue && meta.spread) {
      const sv = fromLink(spreadValue, a, join(join(path, meta.spread), k), notices);
      if (sv !== undefined) spread[k] = sv;
    } else {
      notices.push({ code: 'unknownKey', field: join(path, k), detail: `${join(path, k)} is not a known setting (known: ${Object.keys(shape).join(', ')})` });
    }
  }
  if (meta.spread && Object.keys(spread).length > 0) out[meta.spread] = spread;
  return out;
}

/** A link value as JSON for schema `s`; what does not fit is left out with a notice. */
export function fromLink(s: AnySchema, v: LinkValue, path: string, notices: LinkNotice[]): unknown {
  const { def, meta } = unwrap(s);
  switch (def.type) {
    case 'object':
      return objectFrom(def, meta, v, path, notices);
    case 'record': {
      if (typeof v !== 'object' || Array.isArray(v) || !def.valueType) return invalid(notices, path, v, 'should look like (name=value,…)');
      const out: Record<string, unknown> = {};
      for (const [k, a] of v.args) {
        const fv = fromLink(def.valueType, a, join(path, k), notices);
        if (fv !== undefined) out[k] = fv;
      }
      return out;
    }
    case 'array':
      return asList(v).flatMap((item, i) => {
        const fv = fromLink(def.element!, item, join(path, i), notices);
        return fv === undefined ? [] : [fv];
      });
    case 'tuple': {
      const items = asList(v);
      const n = def.items!.length;
      if (items.length !== n) return invalid(notices, path, v, `should have ${n} values separated by ';'`);
      const out = items.map((item, i) => fromLink(def.items![i], item, join(path, i), notices));
      return out.some((x) => x === undefined) ? undefined : out;
    }
    case 'number':
      return typeof v === 'number' ? v : invalid(notices, path, v, 'is not a number');
    case 'boolean':
      if (v === 1 || v === 'true') return true;
      if (v === 0 || v === 'false') return false;
      return invalid(notices, path, v, 'should be 1 or 0');
    case 'string':
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : invalid(notices, path, v, 'should be a text');
    case 'enum': {
      const allowed = Object.values(def.entries ?? {});
      return typeof v === 'string' && allowed.includes(v) ? v : invalid(notices, path, v, `is not one of ${allowed.join(', ')}`);
    }
    case 'literal':
      return (def.values ?? []).includes(v) ? v : invalid(notices, path, v, `should be ${(def.values ?? []).join(' or ')}`);
    case 'union': {
      for (const option of def.options ?? []) {
        const trial: LinkNotice[] = [];
        const fv = fromLink(option, v, path, trial);
        if (trial.length === 0 && fv !== undefined) return fv;
      }
      return invalid(notices, path, v, 'is not a number');
    }
    default:
      return invalid(notices, path, v, 'cannot be read');
  }
}
