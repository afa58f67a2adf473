/**
 * Headless simulator: `npm run simulate -- <config.json | share link> [--f32] [--vs=<optimizer>]`.
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
 * Training configs (a JSON file with "kind": "training", see src/core/training/config.ts, e.g.
 * examples/textbook-momentum.json) train a linear model of many parameters instead. Output:
 * CSV `epoch,loss`, one row per epoch (epoch 0 is the start; loss is the full-batch
 * ½·mean squared error), then one comment line
 * `# params (w1..w9, b): learned=[…] true=[…]` with the final and the data's true parameters,
 * at the same full precision. --vs=<optimizer> adds a column `loss_<optimizer>`: the same
 * config, data and batches trained by that optimizer (`--vs=gd` for plain GD with the same α).
 * Training is float64 only (--f32 is refused).
 *
 * Errors: a message on stderr naming the bad field (e.g. `runs[1].hyper.lr = 50 is above the
 * maximum 10`, `lr = -1 is below the minimum 0`) and exit code 2, for a missing/unreadable
 * file, invalid JSON, a bad config or a bad command line.
 */
import { dataRaceConfig, raceTraces } from '../src/core/finiteSum';
import { readFileSync } from 'node:fs';
import { ExperimentError, resolveExperiment, type ResolvedExperiment } from '../src/core/experiment';
import { simulate, type Precision } from '../src/core/simulate';
import { decodeLink } from '../src/core/shareLink';
import {
  isTrainingInput,
  resolveTrainingConfig,
  runTraining,
  configData,
  withOptimizer,
  type TrainingConfig,
  type TrainingOptimizer,
} from '../src/core/training';
import { linkFragment, parseSimulateArgs } from './simulateArgs';

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
  const args = parseSimulateArgs(argv);
  if ('error' in args) fail(args.error);
  const { target } = args;
  const precision: Precision = args.f32 ? 'f32' : 'f64';
  const notTraining = `--vs=${args.vs} is only for training configs ("kind": "training")`;
  const fragment = linkFragment(target);
  if (fragment !== null) {
    if (args.vs !== null) fail(notTraining);
    const { state, notices } = decodeLink(fragment);
    for (const n of notices) process.stderr.write(`simulate: link: ignored ${n.detail}\n`);
    write(state.experiment, precision);
    return;
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    fail(`cannot read ${target}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${target} is not valid JSON: ${(e as Error).message}`);
  }
  if (isTrainingInput(json)) {
    if (args.f32) fail(`--f32 is only for experiment configs: ${target} is a training config, which runs in float64`);
    let config: TrainingConfig;
    try {
      config = resolveTrainingConfig(json);
    } catch (e) {
      if (e instanceof ExperimentError) fail(`${target}: ${e.message}`);
      throw e;
    }
    writeTraining(config, args.vs);
    return;
  }
  if (args.vs !== null) fail(`${target}: ${notTraining}`);
  let exp;
  try {
    exp = resolveExperiment(json);
  } catch (e) {
    if (e instanceof ExperimentError) fail(`${target}: ${e.message}`);
    throw e;
  }
  write(exp, precision);
}

/** The CSV of every run's trajectory on stdout. */
function write(exp: ResolvedExperiment, precision: Precision): void {
  // A dataset objective races on its samples, each run with its own batches (as in the app).
  const data = dataRaceConfig(exp);
  const traces = data ? raceTraces(data, precision) : simulate(exp, precision);
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

/** The epoch/loss CSV of a training config, then its learned and true parameters. */
function writeTraining(config: TrainingConfig, vs: TrainingOptimizer | null): void {
  const data = configData(config);
  const run = runTraining(config, data);
  const other = vs === null ? null : runTraining(withOptimizer(config, vs), data).losses;
  const lines: string[] = [other === null ? 'epoch,loss' : `epoch,loss,loss_${vs}`];
  for (let e = 0; e <= config.epochs; e++) lines.push(other === null ? `${e},${run.losses[e]}` : `${e},${run.losses[e]},${other[e]}`);
  const d = config.parameters - 1;
  const names = d === 1 ? 'w1, b' : `w1..w${d}, b`;
  lines.push(`# params (${names}): learned=[${Array.from(run.params).join(',')}] true=[${Array.from(run.truth).join(',')}]`);
  process.stdout.write(lines.join('\n') + '\n');
}

main(process.argv.slice(2));
