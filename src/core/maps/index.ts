/** Maps of many runs (issue 13): hyperparameter maps, basins of attraction. Pure. */
export { axisAt, axisFraction, axisValues, cellCentre, cellOf, checkAxis, MAX_MAP_CELLS, type MapAxis } from './grid';
export { asHeavyBall, heavyBallLrLimit, heavyBallRadius, heavyBallRate } from './heavyBall';
export { cellValues, checkHyperMap, defaultHyperAxis, hyperMapExperiment, mapAxesOf, OUTCOMES, type CellValues, type HyperMapSpec, type Outcome } from './hyperMap';
export { BASIN_DIVERGED, BASIN_NONE, basinAxes, basinExperiment, basinStarts, basinTolerance, classifyBasins, type BasinMapSpec } from './basinMap';
export { MAX_SWARM, SWARM_SIZES, swarmExperiment, swarmStarts, swarmSummary, type SwarmCounts } from './swarm';
