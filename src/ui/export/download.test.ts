import { describe, expect, it } from 'vitest';
import { exportFileName } from './download';

describe('exportFileName', () => {
  it('names files gradscape-<surface>-<kind>.<ext>', () => {
    expect(exportFileName('rosenbrock', 'surface', 'png')).toBe('gradscape-rosenbrock-surface.png');
    expect(exportFileName('custom', 'loss-curves', 'csv')).toBe('gradscape-custom-loss-curves.csv');
  });

  it('keeps the name safe for any file system', () => {
    expect(exportFileName('Six Hump/Camel', 'experiment', 'json')).toBe('gradscape-six-hump-camel-experiment.json');
    expect(exportFileName('***', 'loss', 'svg')).toBe('gradscape-surface-loss.svg');
  });
});
