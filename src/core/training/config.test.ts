import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../experiment/input';
import { isTrainingInput, resolveTrainingConfig, TRAINING_DEFAULTS } from './config';

/** The message of the ExperimentError `input` raises, checked to name `field`. */
function failure(input: unknown, field: string): string {
  try {
    resolveTrainingConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentError);
    expect((e as ExperimentError).path).toBe(field);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('training config', () => {
  it('fills every default with the textbook example', () => {
    expect(resolveTrainingConfig({ kind: 'training' })).toEqual(TRAINING_DEFAULTS);
    const gd = resolveTrainingConfig({ kind: 'training', optimizer: 'gd', batch: 1000, epochs: 3 });
    expect([gd.optimizer, gd.beta, gd.batch, gd.epochs, gd.lr]).toEqual(['gd', 0, 1000, 3, 0.01]);
  });

  it('rejects bad values with a message naming the field', () => {
    const base = { kind: 'training' } as const;
    expect(failure({ ...base, lr: -1 }, 'lr')).toBe('lr = -1 is below the minimum 0');
    expect(failure({ ...base, lr: '0.1' }, 'lr')).toBe('lr = "0.1" should be a number');
    expect(failure({ ...base, beta: 1 }, 'beta')).toBe('beta = 1 is above the maximum 0.9999');
    expect(failure({ ...base, optimizer: 'gd', beta: 0.9 }, 'beta')).toMatch(/^beta = 0.9 is not used by optimizer 'gd'/);
    expect(failure({ ...base, optimizer: 'adam' }, 'optimizer')).toBe('optimizer = "adam" is not one of "gd", "momentum", "momentum_ema"');
    expect(failure({ ...base, model: 'mlp' }, 'model')).toMatch(/^model = "mlp" is not one of "linear"/);
    expect(failure({ ...base, batch: 2000 }, 'batch')).toBe('batch = 2000 is above the maximum 1000');
    expect(failure({ ...base, batch: 0 }, 'batch')).toBe('batch = 0 is below the minimum 1');
    expect(failure({ ...base, epochs: 2.5 }, 'epochs')).toBe('epochs = 2.5 is not an integer');
    expect(failure({ ...base, parameters: 1 }, 'parameters')).toBe('parameters = 1 is below the minimum 2');
    expect(failure({ ...base, noise: -0.1 }, 'noise')).toBe('noise = -0.1 is below the minimum 0');
    expect(failure({ ...base, seed: -1 }, 'seed')).toBe('seed = -1 is below the minimum 0');
    expect(failure({ ...base, learning_rate: 0.1 }, 'learning_rate')).toBe('learning_rate is not a known field');
    expect(failure({ ...base, samples: 1_000_000, parameters: 1000 }, 'samples')).toMatch(/feature values; at most 10000000/);
    expect(failure({ kind: 'race' }, 'kind')).toMatch(/^kind = "race"/);
  });

  it('tells training configs from experiment configs', () => {
    expect(isTrainingInput({ kind: 'training' })).toBe(true);
    expect(isTrainingInput({ objective: { id: 'rosenbrock' }, runs: [] })).toBe(false);
    expect(isTrainingInput(null)).toBe(false);
    expect(isTrainingInput([{ kind: 'training' }])).toBe(false);
  });
});
