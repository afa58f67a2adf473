import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../core/shareLink';
import { createAppStore } from '../../store/store';
import { applyLinkState, linkStateOf } from './linkOfStore';

describe('store ↔ link state', () => {
  it('a store state travels through a link into a fresh store unchanged', () => {
    const a = createAppStore();
    const s = a.getState();
    s.setObjective('himmelblau');
    s.addRun('lion');
    const lion = a.getState().draft.runs.at(-1)!;
    s.setHyper(lion.uid, 'lr', 0.0123);
    s.renameRun(a.getState().draft.runs[0].uid, 'plain, "GD" (slow)');
    s.setSchedule(lion.uid, { kind: 'cosine', t_max: 400 });
    s.setView({ x: [-3, 2], y: [-1, 4] });
    s.setLanguage('zh-CN');
    s.setHidden(['surfaces', 'runs']);
    s.setPresenting(true);

    const link = encodeLink(linkStateOf(a.getState()));
    const { state, notices } = decodeLink(link);
    expect(notices).toEqual([]);
    const b = createAppStore();
    applyLinkState(b, state);
    const t = b.getState();
    expect(t.resolved).toEqual(a.getState().resolved);
    expect(t.view).toEqual({ x: [-3, 2], y: [-1, 4] });
    expect(t.language).toBe('zh-CN');
    expect(t.hidden).toEqual(['surfaces', 'runs']);
    expect(t.presenting).toBe(true);
    // Runs without a label of their own stay unlabelled (shown translated), numbered as before.
    expect(t.draft.runs.map((r) => r.label)).toEqual(a.getState().draft.runs.map((r) => r.label));
    expect(t.draft.runs[0].label).toBe('plain, "GD" (slow)');
  });

  it('default labels are not written into the link', () => {
    const link = encodeLink(linkStateOf(createAppStore().getState()));
    expect(link).not.toContain('label');
  });
});
