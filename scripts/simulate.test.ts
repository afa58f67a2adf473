import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../src/core/experiment';
import { simulate } from '../src/core/simulate';
import { dataRaceConfig, raceTraces } from '../src/core/finiteSum';
import { defaultLinkState, encodeLink } from '../src/core/shareLink';
import { configData, resolveTrainingConfig, runTraining, withOptimizer } from '../src/core/training';

const EXAMPLE = 'examples/rosenbrock-race.json';

/** `tsx scripts/simulate.ts …` as `npm run simulate` runs it (tsx's CLI directly: npx adds ~1 s). */
function cli(...args: string[]) {
  const tsx = 'node_modules/tsx/dist/cli.mjs';
  const r = spawnSync(process.execPath, [tsx, 'scripts/simulate.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempConfig(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gradscape-sim-')), 'config.json');
  writeFileSync(file, text);
  return file;
}

// Each case starts Node + tsx (1–3 s on a busy 2-core machine).
describe('scripts/simulate.ts', { timeout: 30_000 }, () => {
  it('prints run,step,x,y,loss for every run and step of the example, at full precision', () => {
    const { code, stdout, stderr } = cli(EXAMPLE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('run,step,x,y,loss');
    const config = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const exp = resolveExperiment(config);
    expect(lines.length - 1).toBe(exp.runs.length * (exp.steps + 1));
    const traces = simulate(exp, 'f64');
    const rows = lines.slice(1).map((l) => l.split(','));
    rows.forEach(([run, step, x, y, loss], i) => {
      const r = Math.floor(i / (exp.steps + 1));
      const k = i % (exp.steps + 1);
      expect([Number(run), Number(step)]).toEqual([r, k]);
      // Round-trip precision: the printed text parses back to the very same double.
      expect([Number(x), Number(y), Number(loss)]).toEqual([traces[r].x[k], traces[r].y[k], traces[r].loss[k]]);
      if (k === 0) expect([Number(x), Number(y)]).toEqual(config.start);
    });
  });

  it('a dataset experiment races on its samples with each run\'s batches (as the app does)', () => {
    const config = { objective: { id: 'linear_regression', params: { n: 50 } }, steps: 15, seed: 3, runs: [{ optimizer: 'gd', hyper: { lr: 0.1 } }, { optimizer: 'gd', hyper: { lr: 0.1 }, batch: { size: 1 } }] };
    const { code, stdout } = cli(tempConfig(JSON.stringify(config)));
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const traces = raceTraces(dataRaceConfig(resolveExperiment(config))!, 'f64');
    expect(rows).toHaveLength(2 * 16);
    rows.forEach(([run, k, x, y, loss]) => expect([x, y, loss]).toEqual([traces[run].x[k], traces[run].y[k], traces[run].loss[k]]));
    // SGD's path differs from the full batch's.
    expect(traces[1].x[15]).not.toBe(traces[0].x[15]);
  });

  it('--f32 prints float32 values', () => {
    const file = tempConfig(JSON.stringify({ objective: { id: 'booth' }, start: [0.1, 0.2], steps: 3, runs: [{ optimizer: 'adam', hyper: { lr: 0.1 } }] }));
    const { code, stdout } = cli(file, '--f32');
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(`0,0,${Math.fround(0.1)},${Math.fround(0.2)},${rows[0].split(',')[4]}`);
    for (const v of rows.flatMap((r) => r.split(',').slice(2).map(Number))) expect(Math.fround(v)).toBe(v);
  });

  it('a bad config exits 2 and names the field on stderr', () => {
    const file = tempConfig(JSON.stringify({ objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'gd' }, { optimizer: 'adam', hyper: { lr: 50 } }] }));
    const { code, stdout, stderr } = cli(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('runs[1].hyper.lr = 50 is above the maximum 10');
  });

  it('invalid JSON, a missing file and a missing argument exit 2', () => {
    const bad = cli(tempConfig('{"objective": '));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not valid JSON/);
    const missing = cli('/nonexistent/config.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage/);
  });

  it('a share link gives the same CSV as the JSON file of the same experiment; what it cannot apply goes to stderr', () => {
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const fromFile = cli(EXAMPLE);
    const link = `http://localhost:5173/?engine=cpu#${encodeLink({ ...defaultLinkState(), experiment: resolveExperiment(json) })}`;
    const fromLink = cli(link);
    expect(fromLink.stderr).toBe('');
    expect(fromLink.code).toBe(0);
    expect(fromLink.stdout).toBe(fromFile.stdout);
    const partly = cli('v=1&f=booth&steps=2&runs=adam(lr=0.1);sgd(lr=abc)');
    expect(partly.code).toBe(0);
    expect(partly.stderr).toContain('ignored runs[1].hyper.lr = abc is not a number');
    expect(partly.stdout.trimEnd().split('\n')).toHaveLength(1 + 2 * 3);
  });
});

const TEXTBOOK = 'examples/textbook-momentum.json';

/** A training CSV's rows and its final '# params' line, numbers parsed back. */
function trainingOutput(stdout: string) {
  const lines = stdout.trimEnd().split('\n');
  const header = lines[0];
  const last = lines[lines.length - 1];
  const rows = lines.slice(1, -1).map((l) => l.split(',').map(Number));
  const m = /^# params \(w1\.\.w9, b\): learned=\[(.*)\] true=\[(.*)\]$/.exec(last);
  expect(m, last).not.toBeNull();
  return { header, rows, learned: m![1].split(',').map(Number), truth: m![2].split(',').map(Number) };
}

describe('scripts/simulate.ts, training configs', { timeout: 30_000 }, () => {
  it('prints epoch,loss for the textbook example at full precision, then learned vs true parameters', () => {
    const { code, stdout, stderr } = cli(TEXTBOOK);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = trainingOutput(stdout);
    expect(out.header).toBe('epoch,loss');
    const config = resolveTrainingConfig(JSON.parse(readFileSync(TEXTBOOK, 'utf8')));
    const run = runTraining(config);
    expect(out.rows).toEqual(Array.from(run.losses, (l, e) => [e, l]));
    expect(out.learned).toEqual(Array.from(run.params));
    expect(out.truth).toEqual(Array.from(run.truth));
    // The lesson's story in the table itself: the loss falls to about σ²/2 = 0.005.
    expect(out.rows[20][1]).toBeLessThan(out.rows[0][1] / 100);
  });

  it('--vs=gd adds plain GD on the same data; the GD twin file prints that very column', () => {
    const both = cli(TEXTBOOK, '--vs=gd');
    expect(both.code).toBe(0);
    const out = trainingOutput(both.stdout);
    expect(out.header).toBe('epoch,loss,loss_gd');
    const config = resolveTrainingConfig(JSON.parse(readFileSync(TEXTBOOK, 'utf8')));
    const gd = runTraining(withOptimizer(config, 'gd'), configData(config)).losses;
    expect(out.rows.map((r) => r[2])).toEqual(Array.from(gd));
    for (let e = 1; e <= 10; e++) expect(out.rows[e][1]).toBeLessThan(out.rows[e][2]);
    const twin = trainingOutput(cli('examples/textbook-gd.json').stdout);
    expect(twin.rows.map((r) => r[1])).toEqual(Array.from(gd));
  });

  it('a bad training config exits 2 and names the field; --f32 and --vs are refused where they do not apply', () => {
    const bad = cli(tempConfig(JSON.stringify({ kind: 'training', lr: -1 })));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/config\.json: lr = -1 is below the minimum 0\n$/);
    const batch = cli(tempConfig(JSON.stringify({ kind: 'training', samples: 100, batch: 200 })));
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain('batch = 200 is above the maximum 100');
    const f32 = cli(TEXTBOOK, '--f32');
    expect(f32.code).toBe(2);
    expect(f32.stderr).toMatch(/--f32 is only for experiment configs/);
    const vs = cli(EXAMPLE, '--vs=gd');
    expect(vs.code).toBe(2);
    expect(vs.stderr).toMatch(/--vs=gd is only for training configs/);
    const unknown = cli(TEXTBOOK, '--vs=adam');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--vs=adam: not an optimizer of training configs/);
  });
});
