/** The plot factories and their contract (see types.ts). */
export { createSurfaceView } from './surface/index';
export { createLineChart } from './lineChart/index';
export type * from './types';
