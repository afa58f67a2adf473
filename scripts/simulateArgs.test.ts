import { describe, expect, it } from 'vitest';
import { linkFragment, parseSimulateArgs, USAGE } from './simulateArgs';

describe('simulate argument', () => {
  it('reads links in every form the app and browsers give them, and leaves file paths alone', () => {
    expect(linkFragment('http://localhost:5173/?engine=cpu#v=1&f=booth&runs=adam')).toBe('v=1&f=booth&runs=adam');
    expect(linkFragment('https://example.org/gradscape/#v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('#v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('v=1&f=beale')).toBe('v=1&f=beale');
    expect(linkFragment('https://example.org/')).toBe('');
    expect(linkFragment('examples/rosenbrock-race.json')).toBeNull();
    expect(linkFragment('./v=1.json')).toBeNull();
  });
});

describe('simulate command line', () => {
  it('takes one target and the --f32 and --vs=<optimizer> options in any order', () => {
    expect(parseSimulateArgs(['c.json'])).toEqual({ target: 'c.json', f32: false, vs: null });
    expect(parseSimulateArgs(['--f32', 'c.json'])).toEqual({ target: 'c.json', f32: true, vs: null });
    expect(parseSimulateArgs(['c.json', '--vs=gd'])).toEqual({ target: 'c.json', f32: false, vs: 'gd' });
    expect(parseSimulateArgs(['--vs=momentum_ema', 'c.json'])).toEqual({ target: 'c.json', f32: false, vs: 'momentum_ema' });
  });

  it('refuses unknown options, unknown optimizers and anything but one target, with the usage', () => {
    expect(parseSimulateArgs(['c.json', '--f64'])).toEqual({ error: `unknown option --f64\n${USAGE}` });
    expect(parseSimulateArgs(['c.json', '--vs', 'gd'])).toEqual({ error: `unknown option --vs\n${USAGE}` });
    expect(parseSimulateArgs(['c.json', '--vs=adam'])).toEqual({
      error: `--vs=adam: not an optimizer of training configs (known: gd, momentum, momentum_ema)\n${USAGE}`,
    });
    expect(parseSimulateArgs([])).toEqual({ error: USAGE });
    expect(parseSimulateArgs(['a.json', 'b.json'])).toEqual({ error: USAGE });
  });
});
