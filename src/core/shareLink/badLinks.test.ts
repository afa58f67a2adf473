/** Named bad links: each gives its notice (code, field) and keeps the valid rest. */
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../experiment';
import { decodeLink, encodeLink } from './link';
import { defaultLinkState } from './defaults';
import { MAX_LINK_LENGTH, type LinkNoticeCode } from './types';

const CASES: { name: string; link: string; notices: [LinkNoticeCode, string][]; check?: (s: ReturnType<typeof decodeLink>['state']) => void }[] = [
  {
    name: 'a non-numeric lr keeps the other runs and falls back to its default',
    link: 'v=1&f=booth&runs=adam(lr=0.05);sgd(lr=abc);lion',
    notices: [['invalid', 'runs[1].hyper.lr']],
    check: (s) => expect(s.experiment.runs.map((r) => [r.optimizer, r.hyper.lr])).toEqual([['adam', 0.05], ['sgd', 0.001], ['lion', 1e-4]]),
  },
  {
    name: 'an unknown optimizer drops that run only, named by its place in the link',
    link: 'v=1&f=booth&runs=adam;nosuch(lr=1);sgd',
    notices: [['invalid', 'runs[1].optimizer']],
    check: (s) => expect(s.experiment.runs.map((r) => r.optimizer)).toEqual(['adam', 'sgd']),
  },
  {
    name: 'an unknown surface falls back to the default one, keeping the runs',
    link: 'v=1&f=nowhere(a=3)&runs=adam(lr=0.03)',
    notices: [['invalid', 'objective.id']],
    check: (s) => {
      expect(s.experiment.objective.id).toBe('rosenbrock');
      expect(s.experiment.runs[0].hyper.lr).toBe(0.03);
    },
  },
  { name: 'an out-of-range value', link: 'v=1&f=booth&runs=adam(lr=50)', notices: [['invalid', 'runs[0].hyper.lr']], check: (s) => expect(s.experiment.runs[0].hyper.lr).toBe(0.001) },
  { name: 'an unknown hyperparameter', link: 'v=1&f=booth&runs=adam(lr=0.1,betta=3)', notices: [['unknownKey', 'runs[0].hyper.betta']], check: (s) => expect(s.experiment.runs[0].hyper.lr).toBe(0.1) },
  { name: 'an unknown key', link: 'v=1&f=booth&colour=red&runs=gd', notices: [['unknownKey', 'colour']], check: (s) => expect(s.experiment.objective.id).toBe('booth') },
  { name: 'a newer version', link: 'v=2&f=booth&runs=gd', notices: [['version', 'v']], check: (s) => expect(s.experiment.objective.id).toBe('booth') },
  { name: 'a non-numeric version', link: 'v=abc&f=booth&runs=gd', notices: [['version', 'v']] },
  { name: 'a truncated run keeps the earlier ones', link: 'v=1&f=booth&runs=adam(lr=0.05);sgd(lr=0.0', notices: [['truncated', 'runs[1]']], check: (s) => expect(s.experiment.runs.map((r) => r.optimizer)).toEqual(['adam']) },
  { name: 'a truncated quoted formula', link: "v=1&f=custom(formula='x^2%20+", notices: [['truncated', 'objective']], check: (s) => expect(s.experiment.objective.id).toBe('rosenbrock') },
  { name: 'a broken %-escape', link: 'v=1&f=booth&runs=adam(label=%E0%A4%A)', notices: [['truncated', 'runs']] },
  { name: 'no runs left', link: 'v=1&f=booth&runs=nosuch', notices: [['invalid', 'runs[0].optimizer'], ['noRuns', 'runs']], check: (s) => expect(s.experiment.runs.length).toBeGreaterThan(0) },
  { name: 'a start outside the bound', link: 'v=1&f=booth&start=1e9;0&runs=gd', notices: [['invalid', 'start[0]']], check: (s) => expect(s.experiment.start).toEqual(resolveExperiment({ objective: { id: 'booth' }, runs: [{ optimizer: 'gd' }] }).start) },
  { name: 'a start with one number', link: 'v=1&f=booth&start=1&runs=gd', notices: [['invalid', 'start']] },
  { name: 'a reversed view', link: 'v=1&f=booth&runs=gd&view=2;1;0;1', notices: [['invalid', 'view']], check: (s) => expect(s.view).toBeNull() },
  { name: 'an unknown control to hide', link: 'v=1&f=booth&runs=gd&hide=surfaces;everything', notices: [['invalid', 'hide[1]']], check: (s) => expect(s.mode.hide).toEqual(['surfaces']) },
  { name: 'an unknown language', link: 'v=1&f=booth&runs=gd&lang=fr', notices: [['invalid', 'lang']], check: (s) => expect(s.lang).toBeNull() },
  { name: 'an unknown lesson', link: 'v=1&f=booth&runs=gd&lesson=nope', notices: [['invalid', 'lesson']] },
  { name: 'a formula with a typo', link: "v=1&f=custom(formula='x^^2')&runs=gd", notices: [['invalid', 'objective.formula']], check: (s) => expect(s.experiment.objective.id).toBe('custom') },
  { name: 'a key without a value', link: 'v=1&f=booth&steps&runs=gd', notices: [['syntax', 'steps']] },
  { name: 'a key given twice: the last wins', link: 'v=1&f=booth&steps=10&steps=20&runs=gd', notices: [['invalid', 'steps']], check: (s) => expect(s.experiment.steps).toBe(20) },
  { name: 'too many runs', link: `v=1&f=booth&runs=${Array(70).fill('gd').join(';')}`, notices: [['invalid', 'runs']], check: (s) => expect(s.experiment.runs).toHaveLength(64) },
  { name: 'an enormous link', link: `v=1&f=booth&runs=${'adam;'.repeat(MAX_LINK_LENGTH / 4)}`, notices: [['tooLong', '']], check: (s) => expect(s).toEqual(defaultLinkState()) },
];

describe('bad links', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { state, notices } = decodeLink(c.link);
      expect(notices.map((n) => [n.code, n.field])).toEqual(c.notices);
      for (const n of notices) expect(n.detail.length).toBeGreaterThan(5);
      c.check?.(state);
    });
  }
});

describe('readable links', () => {
  it("the playground's first race is a short link that reads like the race", () => {
    const link = encodeLink(defaultLinkState());
    expect(link).toBe('v=1&f=rosenbrock&start=-1.5;2.2&steps=3000&gradTol=0.001&runs=gd;momentum_ema;rmsprop(lr=0.005);adam(lr=0.02)');
    expect(link.length).toBeLessThan(200);
  });
  it('hand-written links need only what differs from the defaults', () => {
    const { state, notices } = decodeLink('#f=himmelblau&runs=adam(lr=0.05);sgd(momentum=0.9,nesterov=1,schedule=cosine(t_max=200))');
    expect(notices).toEqual([]);
    expect(state.experiment.runs[1]).toMatchObject({ optimizer: 'sgd', hyper: { momentum: 0.9, nesterov: 1 }, schedule: { kind: 'cosine', t_max: 200 } });
  });
  it('a schedule kind at its default settings stays short (its head alone), next to a run without one', () => {
    const e = resolveExperiment({ objective: { id: 'himmelblau' }, runs: [{ optimizer: 'adamax' }, { optimizer: 'lion', schedule: { kind: 'step' } }] });
    const link = encodeLink({ ...defaultLinkState(), experiment: e });
    expect(link).toContain('runs=adamax;lion(schedule=step)');
    expect(decodeLink(link).state.experiment).toEqual(e);
  });
  it('a dataset race travels with its data settings and every run\'s batch regime, with no codec change', () => {
    const e = resolveExperiment({ objective: { id: 'linear_regression', params: { n: 1000 } }, runs: [{ optimizer: 'gd' }, { optimizer: 'sgd', batch: { size: 1 } }, { optimizer: 'sag', batch: { size: 4, sampling: 'replacement' } }] });
    const link = encodeLink({ ...defaultLinkState(), experiment: e });
    expect(link).toContain('f=linear_regression(n=1000)&runs=gd;sgd(batch=(size=1));sag(batch=(size=4,sampling=replacement))');
    expect(decodeLink(link)).toEqual({ state: { ...defaultLinkState(), experiment: e }, notices: [] });
    const bad = decodeLink('v=1&f=linear_regression(n=5)&runs=gd(batch=(size=-2))');
    expect(bad.notices.map((n) => n.field).sort()).toEqual(['objective.params.n', 'runs[0].batch.size']);
  });
  it('formulas stay readable', () => {
    const e = resolveExperiment({ objective: { id: 'custom', formula: '(1-x)^2+100*(y-x^2)^2' }, runs: [{ optimizer: 'adam' }] });
    expect(encodeLink({ ...defaultLinkState(), experiment: e })).toContain("f=custom(formula='(1-x)^2+100*(y-x^2)^2')");
  });
});
