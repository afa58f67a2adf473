import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUNS } from '../../core/experiment';
import { resources } from '../../i18n';
import { addRun, duplicateRun, patchRun, removeRun, type ExperimentDraft } from '../../store/draft';
import { defaultExperiment } from '../../store/defaults';
import { runName } from './names';

const tFor: Record<string, TFunction> = {};
beforeAll(async () => {
  for (const lng of ['en', 'zh-CN']) {
    const i18n = createInstance();
    await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
    tFor[lng] = i18n.t;
  }
});

const names = (d: ExperimentDraft, lng = 'en') => d.runs.map((r) => runName(tFor[lng], r));

describe('run names', () => {
  it('numbers a second and third run of one optimizer: "Adam", "Adam 2", "Adam 3"', () => {
    let d = defaultExperiment();
    expect(names(d)).toEqual(['Gradient descent', 'Momentum', 'RMSprop', 'Adam']);
    d = addRun(addRun(d, 'adam'), 'adam');
    expect(names(d).slice(4)).toEqual(['Adam 2', 'Adam 3']);
    d = addRun(d, 'gd');
    expect(names(d)[6]).toBe('Gradient descent 2');
    expect(names(d, 'zh-CN')[6]).toBe('梯度下降法 2');
  });

  it('never repeats a name after a run was removed and another added', () => {
    let d = addRun(defaultExperiment(), 'adam'); // Adam, Adam 2
    const first = d.runs.find((r) => r.optimizer === 'adam')!;
    d = addRun(removeRun(d, first.uid), 'adam'); // Adam 2 stays, the new one is Adam 3
    expect(names(d).filter((n) => n.startsWith('Adam'))).toEqual(['Adam 2', 'Adam 3']);
    const last = d.runs[d.runs.length - 1];
    d = addRun(removeRun(d, last.uid), 'adam');
    expect(names(d).filter((n) => n.startsWith('Adam'))).toEqual(['Adam 2', 'Adam 3']);
  });

  it('keeps every name distinct in a full race of one optimizer', () => {
    let d = defaultExperiment();
    while (d.runs.length < MAX_RUNS) d = addRun(d, 'adam');
    expect(new Set(names(d)).size).toBe(MAX_RUNS);
    expect(names(d).at(-1)).toBe(`Adam ${MAX_RUNS - 3}`);
  });

  it('a label the user typed wins; clearing it gives back the numbered name', () => {
    let d = addRun(defaultExperiment(), 'adam');
    const uid = d.runs[4].uid;
    d = patchRun(d, uid, { label: 'fast Adam' });
    expect(names(d)[4]).toBe('fast Adam');
    expect(names(patchRun(d, uid, { label: '' }))[4]).toBe('Adam 2');
  });

  it('a duplicate gets its own number too (shown once its label is cleared)', () => {
    const d = defaultExperiment();
    const adam = d.runs[3];
    const copy = duplicateRun(d, adam.uid, '').runs[4];
    expect(runName(tFor.en, copy)).toBe('Adam 2');
  });
});
