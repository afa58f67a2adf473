/**
 * Links leave out values equal to their defaults, so v1's defaults are part of the v1 format: a
 * link written today must mean the same thing tomorrow. This pins them. If it fails because a
 * default changed on purpose, bump LINK_VERSION and teach decodeLink the old defaults for
 * v=1 links (they were written without the values).
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_DEFAULTS, resolveExperiment, RUN_PALETTE } from '../experiment';
import { defaultSchedule } from '../schedule';
import { OBJECTIVES } from '../objectives';
import { OPTIMIZERS } from '../optimizers';
import { LINK_VERSION } from './types';

function table(): string {
  const rows: string[] = [`experiment ${JSON.stringify(EXPERIMENT_DEFAULTS)}`, `schedule ${JSON.stringify(defaultSchedule(1000))}`];
  for (const kind of ['constant', 'step', 'exponential', 'cosine'] as const) {
    const run = resolveExperiment({ objective: { id: 'booth' }, steps: 1000, runs: [{ optimizer: 'gd', schedule: { kind } }] }).runs[0];
    rows.push(`run ${kind} ${JSON.stringify(run.schedule)} hidden=${run.hidden} max_grad_norm=${run.max_grad_norm}`);
  }
  rows.push(`palette ${RUN_PALETTE.join(',')}`);
  for (const o of OBJECTIVES) rows.push(`${o.id} start=${o.start.join(';')} ${o.params.map((p) => `${p.name}=${p.default}`).join(',')}${o.id === 'custom' ? ` formula=${o.formula}` : ''}`);
  for (const o of OPTIMIZERS) rows.push(`${o.id} label=${o.name} ${o.hyper.map((h) => `${h.name}=${h.default}`).join(',')}`);
  return rows.join('\n');
}

describe(`link v${LINK_VERSION} defaults`, () => {
  it('are pinned', () => {
    expect(table()).toMatchSnapshot();
  });
});
