/**
 * The textbook worked example as the app's lesson card shows it (issue 12): the per-epoch
 * losses of heavy-ball momentum and of plain GD on examples/textbook-momentum.json's config,
 * which is TRAINING_DEFAULTS (a test holds the file to it), so the card, `npm run simulate --
 * examples/textbook-momentum.json --vs=gd` and the file print the same numbers. With the floor
 * (the least-squares loss) and the first epoch at which each method gets within 1% of it.
 */
import { resolveTrainingConfig, type TrainingConfig } from './config';
import { leastSquaresLoss } from './leastSquares';
import { configData, momentumVsGd } from './run';

/** The example's file, which a test holds equal to TRAINING_DEFAULTS. */
export const TEXTBOOK_EXAMPLE_FILE = 'examples/textbook-momentum.json';

/** The command line that prints the worked example's table (scripts/simulate.ts). */
export const TEXTBOOK_COMMAND = `npm run simulate -- ${TEXTBOOK_EXAMPLE_FILE} --vs=gd`;

/** "Within 1% of the floor": loss ≤ (1 + FLOOR_TOLERANCE) · floor. */
export const FLOOR_TOLERANCE = 0.01;

/** One line of the table: the full-batch loss of each method after `epoch` (0 = the start). */
export interface WorkedExampleRow {
  readonly epoch: number;
  readonly momentum: number;
  readonly gd: number;
}

/** The worked example's numbers. */
export interface WorkedExample {
  /** The example's config (optimizer 'momentum'; GD runs it with optimizer 'gd'). */
  readonly config: TrainingConfig;
  /** Epochs 0..config.epochs, in order. */
  readonly rows: readonly WorkedExampleRow[];
  /** The least-squares loss of the example's data: the floor both curves approach. */
  readonly floor: number;
  /** First epoch whose loss is within FLOOR_TOLERANCE of the floor, per method; −1 if none. */
  readonly firstNearFloor: { readonly momentum: number; readonly gd: number };
}

/**
 * Computes the worked example: pure and deterministic, two 20-epoch trainings of 10 parameters
 * on 1000 samples and one 10 × 10 normal-equations solve. Measured 35–95 ms in Node and 140–200
 * ms in headless Chromium (mostly the fixed-order treeSum of each 32-sample batch), too long
 * for the main thread: the app runs it in a worker (src/ui/LessonPanel/useWorkedExample.ts).
 */
export function textbookExample(): WorkedExample {
  const config = resolveTrainingConfig({ kind: 'training' });
  const { momentum, gd } = momentumVsGd();
  const floor = leastSquaresLoss(configData(config));
  const rows = Array.from(momentum, (m, epoch) => ({ epoch, momentum: m, gd: gd[epoch] }));
  const limit = (1 + FLOOR_TOLERANCE) * floor;
  const first = (losses: Float64Array) => losses.findIndex((l) => l <= limit);
  return { config, rows, floor, firstNearFloor: { momentum: first(momentum), gd: first(gd) } };
}
