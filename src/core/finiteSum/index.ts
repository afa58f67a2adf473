/**
 * Finite-sum objectives (dataset losses): per-sample losses and their batch means, batch
 * regimes, SAG and SVRG, the gradient-evaluation axis, and a reference race simulation.
 * Everything outside src/core/finiteSum imports from here.
 */
export { REDUCE_WORKGROUP, treeSum } from './treeSum';
export { LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS, type SampleLoss } from './losses';
export {
  batchMean, batchValue, compileSampleLoss, evaluateSamples, inverseCount, roundingOf, sampleColumns, sampleValue,
  type CompiledSampleLoss, type FiniteSumPrecision,
} from './sampleLoss';
export { createProblem, type FiniteSumProblem } from './problem';
export {
  BatchSampler, FULL_BATCH, batchCount, batchIndices, batchesPerEpoch, epochOf, isFullBatch, samplesBefore, shufflePermutation,
  type BatchRegime,
} from './sampler';
export { SagState, sagMemoryBytes } from './sag';
export { SvrgState, svrgPeriod } from './svrg';
export { epochsOf, gradEvalsAfter, gradEvalsOfStep, type FiniteSumMethod } from './gradEvals';
export type { RaceOptimizer, RaceRunConfig } from './raceRun';
export { createDataRace, raceTraces, type DataRace, type DataRaceConfig, type RaceRecorder, type RaceTrace } from './dataRace';
export {
  REGRESSION_QUADRATIC_FORMULA, REGRESSION_QUADRATIC_PARAMS, regressionQuadratic, type RegressionQuadratic,
} from './linearRegressionQuadratic';
export { dataRaceConfig } from './experimentRace';
export { expandEnsembles, groupBand, MAX_ENSEMBLE, memberStream, quantileSorted, type BandStats, type EnsembleGroup } from './ensemble';
export { COMPUTE_AXES, computeAxisValues, methodOf, type ComputeAxis } from './computeAxis';
