import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../../core/experiment';
import { getOptimizer } from '../../core/optimizers';
import { experimentFileText, MAX_EXPERIMENT_BYTES, readExperimentFile, tooLarge } from './experimentFile';

/** A race with unlabelled runs (label ''), a labelled one, a custom surface and a schedule. */
function experiment(): ResolvedExperiment {
  return resolveExperiment({
    objective: { id: 'custom', formula: 'x^2 + 3*y^2' },
    start: [0.1, -1 / 3],
    steps: 250,
    seed: 7,
    runs: [
      { optimizer: 'adam', label: '', hyper: { lr: 0.0123 } },
      { optimizer: 'gd', label: 'slow, but "sure"', color: '#123456', hidden: true },
      { optimizer: 'sgd', label: '', schedule: { kind: 'cosine', warmup: 10 }, max_grad_norm: 2 },
    ],
  });
}

describe('experimentFileText', () => {
  it('is the full config, pretty-printed, and the strict validator (the CLI) reads it as it is', () => {
    const e = experiment();
    const text = experimentFileText(e);
    expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"objective": \{/);
    expect(text.endsWith('}\n')).toBe(true);
    const back = resolveExperiment(JSON.parse(text));
    // Unlabelled runs are written with their optimizer's name, as links do.
    expect(back.runs.map((r) => r.label)).toEqual([getOptimizer('adam').name, 'slow, but "sure"', getOptimizer('sgd').name]);
    expect({ ...back, runs: back.runs.map((r) => ({ ...r, label: '' })) }).toEqual({ ...e, runs: e.runs.map((r) => ({ ...r, label: '' })) });
  });
});

describe('readExperimentFile', () => {
  it('round-trips an exported file exactly, with no notices', () => {
    const e = experiment();
    const r = readExperimentFile(experimentFileText(e));
    expect(r).toEqual({ ok: true, experiment: e, notices: [] });
  });

  it('applies a partly valid file and lists what it ignored, field and detail', () => {
    const json = JSON.parse(experimentFileText(experiment()));
    json.runs[0].hyper.lr = 0.5;
    json.runs[1].hyper.lr = -5;
    json.wobble = true;
    const r = readExperimentFile(JSON.stringify(json));
    if (!r.ok) throw new Error(`refused: ${r.detail}`);
    expect(r.experiment.runs[0].hyper.lr).toBe(0.5);
    expect(r.experiment.runs[1].hyper.lr).toBe(resolveExperiment({ objective: { id: 'quadratic' }, runs: [{ optimizer: 'gd' }] }).runs[0].hyper.lr);
    expect(r.experiment.seed).toBe(7);
    expect(r.notices.map((n) => n.field).sort()).toEqual(['runs[1].hyper.lr', 'wobble']);
    expect(r.notices.find((n) => n.field === 'runs[1].hyper.lr')?.detail).toMatch(/-5 is below the minimum/);
  });

  it('refuses text that is not JSON, saying why', () => {
    const r = readExperimentFile('these are my notes');
    expect(r).toMatchObject({ ok: false, reason: 'notJson' });
    expect(r.ok || r.detail).toMatch(/JSON/);
  });

  it('refuses JSON that holds no experiment: not an object, no runs, no valid run', () => {
    for (const text of ['[1, 2]', '"hello"', 'null', '{}', '{"objective": {"id": "rosenbrock"}}', '{"objective": {"id": "rosenbrock"}, "runs": []}', '{"objective": {"id": "rosenbrock"}, "runs": [{"optimizer": "nope"}]}']) {
      const r = readExperimentFile(text);
      expect(r.ok, text).toBe(false);
      expect(r.ok ? '' : r.reason, text).toBe('invalid');
      expect(r.ok ? '' : r.detail, text).not.toBe('');
    }
  });

  it('refuses a file over 1 MB', () => {
    expect(tooLarge(MAX_EXPERIMENT_BYTES)).toBe(false);
    expect(tooLarge(MAX_EXPERIMENT_BYTES + 1)).toBe(true);
    expect(readExperimentFile(`{"pad": "${'x'.repeat(MAX_EXPERIMENT_BYTES)}"}`)).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
});
