/**
 * Training a model of many parameters on a dataset, epoch by epoch (issue 12): the config,
 * the seeded data, the trainer and its update rules. Pure float64 TypeScript, no engine.
 */
export {
  isTrainingInput,
  resolveTrainingConfig,
  TRAINING_DEFAULTS,
  TRAINING_LIMITS,
  TRAINING_OPTIMIZERS,
  trainingInputSchema,
  type TrainingConfig,
  type TrainingInput,
  type TrainingOptimizer,
} from './config';
export { generateLinearData, TRAINING_STREAMS, type GeneratedLinearData, type LinearData } from './data';
export { epochOrder } from './shuffle';
export { applyUpdate } from './update';
export { batchGradient, linearLoss, trainLinear, type TrainOptions, type TrainResult } from './linear';
export { configData, momentumVsGd, runTraining, withOptimizer, type MomentumVsGd, type TrainingRun } from './run';
export { leastSquaresFit, leastSquaresLoss } from './leastSquares';
export { FLOOR_TOLERANCE, TEXTBOOK_COMMAND, TEXTBOOK_EXAMPLE_FILE, textbookExample, type WorkedExample, type WorkedExampleRow } from './workedExample';
