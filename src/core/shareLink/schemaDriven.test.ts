/**
 * The codec is driven by the config's schema: a field a later issue adds (here a batch setting
 * per run and a dataset object) travels in links with no codec change.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { experimentInputSchema } from '../experiment';
import { encodeFields, linkFields, readFields } from './link';
import { unwrap } from './schema';
import type { LinkNotice } from './types';
import { parseValue, printValue } from './value';

const shape = unwrap(experimentInputSchema).def.shape!;
const runSchema = unwrap(shape.runs).def.element!;
const extended = (experimentInputSchema as unknown as z.ZodObject).extend({
  dataset: z.strictObject({ kind: z.enum(['linear', 'logistic']), samples: z.number().optional(), scaled: z.boolean().optional() }).meta({ link: { head: 'kind', key: 'data' } }).optional(),
  // A new run field, added where runInput is defined (its link metadata stays on it).
  runs: z.array((runSchema as unknown as z.ZodObject).extend({ batch: z.number().optional(), sampling: z.enum(['replace', 'epoch']).optional() }).meta(runSchema.meta()!)),
});

describe('schema-driven codec', () => {
  it('new fields of an extended schema round-trip with no codec change', () => {
    const json = {
      experiment: {
        objective: { id: 'rosenbrock', params: { a: 2 } },
        dataset: { kind: 'logistic', samples: 1000, scaled: false },
        runs: [{ optimizer: 'sgd', hyper: { lr: 0.1 }, batch: 32, sampling: 'epoch' }, { optimizer: 'adam' }],
      },
      extras: {},
    };
    const fields = linkFields(extended);
    const link = encodeFields(fields, json).join('&');
    expect(link).toBe('f=rosenbrock(a=2)&runs=sgd(lr=0.1,batch=32,sampling=epoch);adam&data=logistic(samples=1000,scaled=0)');
    const notices: LinkNotice[] = [];
    const back = readFields(fields, link, notices);
    expect(notices).toEqual([]);
    expect(back.json.experiment).toEqual(json.experiment);
  });

  it('a bad value of a new field gets a notice naming it, like any other', () => {
    const notices: LinkNotice[] = [];
    readFields(linkFields(extended), 'data=cubic(samples=abc)', notices);
    expect(notices.map((n) => n.field)).toEqual(['dataset.samples']);
  });
});

describe('value grammar', () => {
  it('prints and parses calls, lists, words, numbers and quoted text', () => {
    for (const text of ["adam(lr=0.01,label='it''s, (x)')", 'a;b;-1.5;1e-8', '(x=-2;2,y=1)', "'café ; 中文'", 'cosine(t_max=500)']) {
      expect(printValue(parseValue(text))).toBe(text);
    }
  });
  it('refuses what it cannot read, saying where', () => {
    expect(() => parseValue('adam(lr=0.01')).toThrow(/ends inside adam/);
    expect(() => parseValue("'open")).toThrow(/not closed/);
    expect(() => parseValue('adam(lr)')).toThrow(/needs a value/);
    expect(() => parseValue('a b')).toThrow(/neither a number nor a name/);
    expect(() => parseValue('('.repeat(40))).toThrow();
  });
});
