import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zhCN';
import { OPTIMIZERS } from '../core/optimizers';
import { OBJECTIVES } from '../core/objectives';

/** Every leaf key path of a nested catalogue, e.g. 'playback.play'. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
  );
}

function leaves(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
}

function lookup(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('language catalogues', () => {
  it('have exactly the same keys', () => {
    const a = keys(en).sort();
    const b = keys(zhCN).sort();
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    expect(keys(en).filter((k) => lookup(en, k) === '')).toEqual([]);
    expect(keys(zhCN).filter((k) => lookup(zhCN, k) === '')).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join(',');
    for (const k of keys(en)) expect(vars(lookup(zhCN, k) as string), k).toBe(vars(lookup(en, k) as string));
  });

  it('name and explain every optimizer and every hyperparameter in both languages', () => {
    for (const def of OPTIMIZERS) {
      for (const cat of [en, zhCN]) {
        expect(lookup(cat, `optimizer.names.${def.id}`), def.id).toBeTypeOf('string');
        expect(lookup(cat, `explain.text.${def.id}`), def.id).toBeTypeOf('string');
        for (const h of def.hyper) expect(lookup(cat, `hyper.${h.name}`), `${def.id}.${h.name}`).toBeTypeOf('string');
      }
    }
  });

  it('name and describe every surface and its parameters in both languages', () => {
    for (const def of OBJECTIVES) {
      for (const cat of [en, zhCN]) {
        expect(lookup(cat, `surface.names.${def.id}`), def.id).toBeTypeOf('string');
        expect(lookup(cat, `surface.about.${def.id}`), def.id).toBeTypeOf('string');
        for (const p of def.params) expect(lookup(cat, `param.${p.name}`), `${def.id}.${p.name}`).toBeTypeOf('string');
      }
    }
  });

  it('translates the Chinese catalogue (sentences contain Chinese characters)', () => {
    // Chinese packs a sentence in few characters: anything over 10 is a phrase to translate.
    const long = leaves(zhCN).filter((s) => s.replace(/{{\w+}}/g, '').length > 10);
    expect(long.length).toBeGreaterThan(40);
    for (const s of long) expect(s, s).toMatch(/[\u4e00-\u9fff]/);
  });
});
