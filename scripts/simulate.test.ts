import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../src/core/experiment';
import { simulate } from '../src/core/simulate';
import { defaultLinkState, encodeLink } from '../src/core/shareLink';

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
