/**
 * The swarm's picture (issue 13): the race's current surface (heatmap, contours and colour bar,
 * from the same bound objective as the race view) with no trajectories, no start handle and one
 * cloud, the swarm's points; and that picture as a PNG figure with a one-line legend.
 */
import type { SurfaceCloud, SurfaceViewState } from '../../plots/types';
import type { AppState } from '../../store/state';
import { downloadBlob } from '../export/download';
import { figurePngBlob, pngScale, readFigure } from '../export/figure';
import { boundOf } from '../SurfacePanel/surfaceState';

/** A swarm's drawable points, tagged with the surface they were computed on. */
export interface SwarmCloud extends SurfaceCloud {
  /** boundOf(state).key of the surface the points belong to. */
  readonly surfaceKey: string;
}

/** The key of the surface now shown (a cloud from another surface is not drawn over it). */
export function surfaceKeyOf(s: AppState): string {
  return boundOf(s).key;
}

/** The surface view's state: the race's surface, no runs, and `cloud` when it belongs to it. */
export function swarmViewState(s: AppState, cloud: SwarmCloud | null): SurfaceViewState {
  const { bound, field } = boundOf(s);
  return {
    field,
    view: s.view ?? bound.def.view,
    colorScale: bound.def.colorScale,
    theme: s.theme,
    // No minimum markers: the swarm piles up on the minima, and a star would hide the pile.
    minima: [],
    start: s.draft.start,
    runs: [],
    clouds: cloud && cloud.surfaceKey === field.key ? [cloud] : [],
  };
}

/** The mounted swarm view under `host` as a PNG (legend: the run and the swarm's size). */
export async function downloadSwarmPng(host: HTMLElement, legend: { label: string; color: string }, title: string): Promise<void> {
  const root = host.querySelector<HTMLElement>('.gs-surface');
  if (!root) return;
  const blob = await figurePngBlob(readFigure(root, [legend], title), pngScale(globalThis.devicePixelRatio));
  downloadBlob(blob, 'swarm.png');
}
