/**
 * `npm run simulate`'s command line: one target (a JSON file or a share link) and options.
 * Pure functions, so the CLI's argument rules are tested without spawning it.
 */
import { TRAINING_OPTIMIZERS, type TrainingOptimizer } from '../src/core/training';

/** What the CLI prints for a bad command line. */
export const USAGE = "usage: npm run simulate -- <config.json | 'share link'> [--f32] [--vs=gd|momentum|momentum_ema]";

/** A parsed command line. */
export interface SimulateArgs {
  /** The JSON file path or share link. */
  readonly target: string;
  /** --f32: the float32-exact mode (experiment configs and links only). */
  readonly f32: boolean;
  /** --vs=<optimizer>: a training config's comparison column; null without the flag. */
  readonly vs: TrainingOptimizer | null;
}

/** The command line, or the message to print (with USAGE) when it is not one. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | { readonly error: string } {
  let f32 = false;
  let vs: TrainingOptimizer | null = null;
  const targets: string[] = [];
  for (const a of argv) {
    if (!a.startsWith('--')) targets.push(a);
    else if (a === '--f32') f32 = true;
    else if (a.startsWith('--vs=')) {
      const name = a.slice('--vs='.length);
      if (!(TRAINING_OPTIMIZERS as readonly string[]).includes(name)) {
        return { error: `${a}: not an optimizer of training configs (known: ${TRAINING_OPTIMIZERS.join(', ')})\n${USAGE}` };
      }
      vs = name as TrainingOptimizer;
    } else return { error: `unknown option ${a}\n${USAGE}` };
  }
  if (targets.length !== 1) return { error: USAGE };
  return { target: targets[0], f32, vs };
}

/**
 * `npm run simulate`'s argument: a share link (a URL with a '#' fragment, or a bare fragment
 * starting with 'v=' or '#') or a JSON file path. Returns the fragment, or null for a file.
 */
export function linkFragment(arg: string): string | null {
  if (arg.startsWith('#')) return arg.slice(1);
  if (arg.startsWith('v=')) return arg;
  if (/^https?:\/\//.test(arg) || /^[a-z][a-z0-9+.-]*:\/\/.*#/i.test(arg)) {
    const i = arg.indexOf('#');
    return i < 0 ? '' : arg.slice(i + 1);
  }
  return null;
}
