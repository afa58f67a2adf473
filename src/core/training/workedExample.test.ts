import { describe, expect, it } from 'vitest';
import { resolveTrainingConfig, TRAINING_DEFAULTS } from './config';
import { generateLinearData } from './data';
import { batchGradient, linearLoss } from './linear';
import { leastSquaresFit, leastSquaresLoss } from './leastSquares';
import { configData, momentumVsGd, runTraining, withOptimizer } from './run';
import { FLOOR_TOLERANCE, TEXTBOOK_COMMAND, TEXTBOOK_EXAMPLE_FILE, textbookExample } from './workedExample';
import momentumFile from '../../../examples/textbook-momentum.json?raw';
import gdFile from '../../../examples/textbook-gd.json?raw';

/** The files' text, parsed as the CLI parses it (scripts/simulate.ts: JSON.parse of the file). */
const FILES: Record<string, string> = { 'examples/textbook-momentum.json': momentumFile, 'examples/textbook-gd.json': gdFile };
const readExample = (file: string): unknown => JSON.parse(FILES[file]);

describe('the worked example: one config for the app, the CLI and the file', () => {
  it('examples/textbook-momentum.json is TRAINING_DEFAULTS, field for field', () => {
    expect(TEXTBOOK_EXAMPLE_FILE).toBe('examples/textbook-momentum.json');
    expect(readExample(TEXTBOOK_EXAMPLE_FILE)).toEqual(TRAINING_DEFAULTS);
    expect(TEXTBOOK_COMMAND).toBe('npm run simulate -- examples/textbook-momentum.json --vs=gd');
    // Its GD twin is the same config with optimizer 'gd' (and so without beta).
    const { beta: _beta, ...rest } = TRAINING_DEFAULTS;
    expect(readExample('examples/textbook-gd.json')).toEqual({ ...rest, optimizer: 'gd' });
  });

  it("the table's rows are momentumVsGd()'s per-epoch losses, exactly, and what the CLI trains", () => {
    const ex = textbookExample();
    const { momentum, gd } = momentumVsGd();
    expect(ex.config).toEqual(TRAINING_DEFAULTS);
    expect(ex.rows).toHaveLength(TRAINING_DEFAULTS.epochs + 1);
    ex.rows.forEach((r, e) => {
      expect(r.epoch).toBe(e);
      expect(r.momentum).toBe(momentum[e]);
      expect(r.gd).toBe(gd[e]);
    });
    // scripts/simulate.ts: resolveTrainingConfig(file) → runTraining, and withOptimizer(…, 'gd') for --vs=gd.
    const cli = resolveTrainingConfig(readExample(TEXTBOOK_EXAMPLE_FILE));
    const data = configData(cli);
    expect(Array.from(runTraining(cli, data).losses)).toEqual(ex.rows.map((r) => r.momentum));
    expect(Array.from(runTraining(withOptimizer(cli, 'gd'), data).losses)).toEqual(ex.rows.map((r) => r.gd));
  });

  it('quotes the numbers the lesson text and the README give', () => {
    const { rows, floor, firstNearFloor } = textbookExample();
    expect(rows[1].momentum.toPrecision(4)).toBe('0.1930');
    expect(rows[1].gd.toPrecision(4)).toBe('3.046');
    expect(floor.toPrecision(4)).toBe('0.005230');
    expect(firstNearFloor).toEqual({ momentum: 4, gd: 19 });
    // "First": the epoch before is still outside the 1% band, for both.
    expect(rows[3].momentum).toBeGreaterThan((1 + FLOOR_TOLERANCE) * floor);
    expect(rows[18].gd).toBeGreaterThan((1 + FLOOR_TOLERANCE) * floor);
    for (const r of rows) {
      expect(r.momentum).toBeGreaterThanOrEqual(floor);
      expect(r.gd).toBeGreaterThanOrEqual(floor);
    }
  });
});

describe('leastSquaresFit', () => {
  it('is where the full-batch gradient vanishes, below every trained loss', () => {
    const data = configData(TRAINING_DEFAULTS);
    const fit = leastSquaresFit(data);
    const g = new Float64Array(fit.length);
    batchGradient(data, fit, Array.from({ length: data.n }, (_, i) => i), 0, data.n, g);
    expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-12);
    expect(leastSquaresLoss(data)).toBe(linearLoss(data, fit));
    // Nudging any parameter raises the loss: a minimum, not just a stationary point.
    for (let j = 0; j < fit.length; j++) {
      const moved = fit.slice();
      moved[j] += 1e-3;
      expect(linearLoss(data, moved)).toBeGreaterThan(leastSquaresLoss(data));
    }
  });

  it('solves an exact line exactly, and refuses collinear features', () => {
    // y = 2x − 1 on x = 0, 1, 2: θ = (2, −1), loss 0.
    const exact = { n: 3, d: 1, x: Float64Array.of(0, 1, 2), y: Float64Array.of(-1, 1, 3) };
    const fit = leastSquaresFit(exact);
    expect(fit[0]).toBeCloseTo(2, 12);
    expect(fit[1]).toBeCloseTo(-1, 12);
    // A constant feature is collinear with the bias column.
    const flat = { n: 3, d: 1, x: Float64Array.of(1, 1, 1), y: Float64Array.of(0, 1, 2) };
    expect(() => leastSquaresFit(flat)).toThrow(/2 × 2, n = 3\) is singular/);
    // And a fit of generated data is within a few σ/√n of the truth.
    const gen = generateLinearData(3, 2000, 4, 0.1);
    const g = leastSquaresFit(gen);
    for (let j = 0; j < g.length; j++) expect(Math.abs(g[j] - gen.truth[j])).toBeLessThan(0.02);
  });
});
