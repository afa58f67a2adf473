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

describe('status codes across engines', () => {
  it('the WGSL kernel, the simulator and the decoder use the same codes and loss floor', async () => {
    const wgsl = (await import('../../shaders/step.wgsl?raw')).default;
    const core = await import('../core/simulate/status');
    const rs = await import('./runStatus');
    const codeOf = (name: string) => Number(new RegExp(`const ${name}: u32 = (\\d+)u;`).exec(wgsl)?.[1]);
    expect([codeOf('kRunning'), codeOf('kConverged'), codeOf('kNan'), codeOf('kInf'), codeOf('kBound'), codeOf('kLoss')])
      .toEqual([rs.STATUS_RUNNING, rs.STATUS_CONVERGED, rs.STATUS_NAN, rs.STATUS_INF, rs.STATUS_BOUND, rs.STATUS_LOSS]);
    expect([core.RUNNING, core.CONVERGED, core.DIVERGED_NAN, core.DIVERGED_INF, core.DIVERGED_BOUND, core.DIVERGED_LOSS])
      .toEqual([rs.STATUS_RUNNING, rs.STATUS_CONVERGED, rs.STATUS_NAN, rs.STATUS_INF, rs.STATUS_BOUND, rs.STATUS_LOSS]);
    expect(Number(/const kLossFloor: f32 = ([-0-9.e]+);/.exec(wgsl)?.[1])).toBe(core.LOSS_FLOOR);
    expect(Math.fround(core.LOSS_FLOOR)).toBe(core.LOSS_FLOOR);
    expect(decodeStatus(rs.STATUS_LOSS, 12)).toEqual({ kind: 'diverged', step: 12, reason: 'loss' });
  });
});
