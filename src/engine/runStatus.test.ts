import { describe, expect, it } from 'vitest';
import { decodeStatus, StatusDecoder, STATUS_BOUND, STATUS_CONVERGED, STATUS_NAN, STATUS_RUNNING } from './runStatus';

describe('StatusDecoder', () => {
  it('decodes planes [codes, steps]', () => {
    const d = new StatusDecoder();
    const s = d.decode(Uint32Array.from([STATUS_RUNNING, STATUS_CONVERGED, STATUS_NAN, 0, 7, 3]));
    expect(s).toEqual([{ kind: 'running' }, { kind: 'converged', step: 7 }, { kind: 'diverged', step: 3, reason: 'nan' }]);
  });

  it('returns the same array while nothing changed, and a fresh copy with only the changes', () => {
    const d = new StatusDecoder();
    const planes = Uint32Array.from([STATUS_RUNNING, STATUS_RUNNING, STATUS_CONVERGED, 0, 0, 2]);
    const a = d.decode(planes);
    expect(d.decode(planes.slice())).toBe(a);
    const changed = planes.slice();
    changed[1] = STATUS_BOUND;
    changed[4] = 9;
    const b = d.decode(changed);
    expect(b).not.toBe(a);
    expect(a[1]).toEqual({ kind: 'running' }); // the earlier snapshot is untouched
    expect(b).toEqual([a[0], decodeStatus(STATUS_BOUND, 9), a[2]]);
    expect(b[2]).toBe(a[2]);
  });

  it('starts over after clear() or a different run count', () => {
    const d = new StatusDecoder();
    const a = d.decode(Uint32Array.from([STATUS_RUNNING, 0]));
    d.clear();
    expect(d.decode(Uint32Array.from([STATUS_RUNNING, 0]))).not.toBe(a);
    expect(d.decode(Uint32Array.from([STATUS_RUNNING, STATUS_NAN, 0, 1]))).toEqual([{ kind: 'running' }, decodeStatus(STATUS_NAN, 1)]);
  });
});
