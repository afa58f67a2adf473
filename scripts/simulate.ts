/**
 * Headless simulator: `npm run simulate -- <config.json | share link> [--f32]`.
 *
 * The argument is a JSON file, or a share link as the app's Copy link gives it (a whole URL
 * with '#v=1&…', or just the fragment starting with 'v=' or '#'; quote it for the shell). A
 * link is read as the app reads it: what it cannot apply is listed on stderr
 * (`simulate: link: ignored runs[1].hyper.lr = abc is not a number`) and the rest simulates.
 *
 * Input: an experiment config as JSON (the shape resolveExperiment accepts; see
 * src/core/experiment.ts), e.g.
 *   {"objective": {"id": "rosenbrock", "params": {"a": 1, "b": 100}}, "start": [-1.5, 2],
 *    "steps": 200, "seed": 1, "runs": [{"optimizer": "adam", "hyper": {"lr": 0.01}}]}
 * Everything except objective.id and runs[].optimizer is optional (defaults as in the app).
 *
 * Output (stdout): CSV with the header `run,step,x,y,loss`, then one row per run and step,
 * runs in config order, steps 0..steps within a run. `run` is the 0-based index into `runs`;
 * step 0 is the start point. Numbers are written at full round-trip precision (JavaScript's
 * String(double), e.g. 0.1, 1e-7, NaN); a run that diverged repeats its last values.
 * Float64 by default; --f32 runs the float32-exact mode (the GPU's arithmetic).
 *
 * Errors: a message on stderr naming the bad field (e.g. `runs[1].hyper.lr = 50 is above the
 * maximum 10`) and exit code 2, for a missing/unreadable file, invalid JSON or a bad config.
 */
import { readFileSync } from 'node:fs';
import { ExperimentError, resolveExperiment, type ResolvedExperiment } from '../src/core/experiment';
import { simulate, type Precision } from '../src/core/simulate';
import { decodeLink } from '../src/core/shareLink';
import { linkFragment } from './simulateArgs';

const USAGE = "usage: npm run simulate -- <config.json | 'share link'> [--f32]";

// `npm run simulate -- c.json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

function main(argv: readonly string[]): void {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  for (const f of flags) if (f !== '--f32') fail(`unknown option ${f}\n${USAGE}`);
  if (files.length !== 1) fail(USAGE);
  const precision: Precision = flags.includes('--f32') ? 'f32' : 'f64';
  const fragment = linkFragment(files[0]);
  if (fragment !== null) {
    const { state, notices } = decodeLink(fragment);
    for (const n of notices) process.stderr.write(`simulate: link: ignored ${n.detail}\n`);
    write(state.experiment, precision);
    return;
  }
  let text: string;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (e) {
    fail(`cannot read ${files[0]}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${files[0]} is not valid JSON: ${(e as Error).message}`);
  }
  let exp;
  try {
    exp = resolveExperiment(json);
  } catch (e) {
    if (e instanceof ExperimentError) fail(`${files[0]}: ${e.message}`);
    throw e;
  }
  write(exp, precision);
}

/** The CSV of every run's trajectory on stdout. */
function write(exp: ResolvedExperiment, precision: Precision): void {
  const traces = simulate(exp, precision);
  const out: string[] = ['run,step,x,y,loss\n'];
  let chunk = '';
  traces.forEach((t, run) => {
    for (let k = 0; k <= exp.steps; k++) {
      chunk += `${run},${k},${t.x[k]},${t.y[k]},${t.loss[k]}\n`;
      // Flush in chunks: one string per row would be slow, one string for everything too big.
      if (chunk.length > 1 << 16) {
        out.push(chunk);
        chunk = '';
      }
    }
  });
  out.push(chunk);
  process.stdout.write(out.join(''));
}

main(process.argv.slice(2));
