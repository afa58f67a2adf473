/**
 * The runner against a real in-process engine (the core simulator behind the Engine
 * interface) and a manual frame clock: frames advance by the speed, requests never overlap,
 * a finished race pauses, and a hyperparameter change mid-race restarts the edited run alone
 * or continues every run with the new value.
 */
import { describe, expect, it } from 'vitest';
import { ResilientEngine } from '../engine/resilient';
import { SimEngine } from '../engine/testing/simEngine';
import { createAppStore } from './store';
import { RaceRunner, type FrameScheduler } from './runner';

function manualClock(): FrameScheduler & { frame(): Promise<void> } {
  let cb: (() => void) | null = null;
  return {
    request: (f) => ((cb = f), 1),
    cancel: () => (cb = null),
    async frame() {
      const f = cb;
      f?.();
      // Let the engine's promise chain settle before the next frame.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

async function setup(speed: number) {
  const store = createAppStore();
  store.setState({ speed, playing: false });
  const engine = new SimEngine();
  const clock = manualClock();
  const runner = new RaceRunner(store, async () => new ResilientEngine(engine, async () => null), clock);
  runner.start();
  for (let i = 0; i < 4; i++) await clock.frame(); // create the engine, configure
  return { store, engine, clock, runner };
}

describe('RaceRunner', () => {
  it('advances by the speed per frame, never overlapping requests', async () => {
    const { store, engine, clock } = await setup(0.25);
    expect(store.getState().step).toBe(0);
    expect(store.getState().traj.length).toBe(1);
    store.getState().play();
    for (let i = 0; i < 8; i++) await clock.frame();
    expect(store.getState().step).toBe(2);
    expect(engine.stepSizes).toEqual([1, 1]);
    expect(engine.maxActive).toBe(1);
  });

  it('asks for the steps of frames that passed while a slow engine answered (at most 4 frames)', async () => {
    const { store, engine, clock } = await setup(2);
    let release!: () => void;
    engine.hold = new Promise<void>((r) => (release = r));
    store.getState().play();
    await clock.frame(); // asks for 2 steps; the engine holds them
    await clock.frame();
    await clock.frame(); // two frames pass while busy
    engine.hold = null;
    release();
    await clock.frame(); // a third frame passes; the held request lands after its tick
    await clock.frame(); // (1 + 3 missed frames) × 2 steps
    expect(engine.stepSizes.slice(0, 2)).toEqual([2, 8]);
    // A long stall is capped at 4 frames' worth.
    engine.hold = new Promise<void>((r) => (release = r));
    await clock.frame();
    for (let i = 0; i < 10; i++) await clock.frame();
    engine.hold = null;
    release();
    await clock.frame();
    await clock.frame();
    expect(engine.stepSizes.slice(2, 4)).toEqual([2, 8]); // 11 frames missed, 4 frames' worth asked
    expect(engine.maxActive).toBe(1);
  });

  it('single steps while paused and reset back to step 0', async () => {
    const { store, clock } = await setup(5);
    store.getState().stepOnce();
    store.getState().stepOnce();
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(store.getState().step).toBe(2);
    store.getState().reset();
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(store.getState().step).toBe(0);
  });

  it('pauses at the end of the step budget', async () => {
    const { store, clock } = await setup(100);
    store.getState().setSteps(250);
    for (let i = 0; i < 3; i++) await clock.frame();
    store.getState().play();
    for (let i = 0; i < 8; i++) await clock.frame();
    expect(store.getState().step).toBe(250);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().traj.length).toBe(251);
  });

  it('a new surface after a race that finished by itself plays on its own, as the first race did', async () => {
    const { store, engine, clock } = await setup(100);
    store.getState().setSteps(120);
    for (let i = 0; i < 3; i++) await clock.frame();
    store.getState().play();
    for (let i = 0; i < 6; i++) await clock.frame();
    expect(store.getState().step).toBe(120);
    expect(store.getState().playing).toBe(false);
    const configured = engine.configures;
    store.getState().setObjective('himmelblau');
    for (let i = 0; i < 2; i++) await clock.frame(); // configure, then the first frame's steps
    expect(engine.configures).toBe(configured + 1);
    expect(store.getState().resolved.objective.id).toBe('himmelblau');
    expect(store.getState().playing).toBe(true);
    expect(store.getState().step).toBe(100);
    // It runs to its own end and stops by itself again.
    for (let i = 0; i < 4; i++) await clock.frame();
    expect(store.getState().step).toBe(store.getState().resolved.steps);
    expect(store.getState().playing).toBe(false);
    // Rewinding a finished race is the user's act: it waits at step 0 for Play.
    store.getState().reset();
    for (let i = 0; i < 4; i++) await clock.frame();
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  it('a pause the user asked for is kept when the surface changes', async () => {
    const { store, engine, clock } = await setup(10);
    store.getState().play();
    for (let i = 0; i < 3; i++) await clock.frame();
    store.getState().pause();
    await clock.frame();
    const configured = engine.configures;
    store.getState().setObjective('himmelblau');
    for (let i = 0; i < 6; i++) await clock.frame();
    expect(engine.configures).toBe(configured + 1);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().step).toBe(0);
  });

  it("'restart': a mid-race lr change restarts only that run, from its own step 0", async () => {
    const { store, engine, clock } = await setup(10);
    const uid = store.getState().draft.runs[3].uid;
    store.getState().play();
    for (let i = 0; i < 4; i++) await clock.frame();
    store.getState().pause();
    await clock.frame();
    const reached = store.getState().step;
    expect(reached).toBeGreaterThan(0);
    const before = store.getState().traj.runs.map((r) => r.x.slice(0, reached + 1));
    store.getState().setHyper(uid, 'lr', 0.01);
    for (let i = 0; i < 3; i++) await clock.frame();
    const s = store.getState();
    expect(engine.tunes).toEqual(['restart 3']);
    expect(engine.configures).toBe(1);
    expect(s.step).toBe(reached);
    expect(s.notice).toEqual({ key: 'notice.runRestarted', runUid: uid });
    expect(s.traj.lengthOf(3)).toBe(1);
    expect(s.traj.runs[3].x[0]).toBe(s.draft.start[0]);
    for (const i of [0, 1, 2]) {
      expect(s.traj.lengthOf(i)).toBe(reached + 1);
      expect(s.traj.runs[i].x.slice(0, reached + 1)).toEqual(before[i]);
    }
    // Stepping on: the restarted run's series grows from its own step 0.
    store.getState().stepOnce();
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(store.getState().traj.lengthOf(3)).toBe(2);
    expect(store.getState().traj.lengthOf(0)).toBe(reached + 2);
  });

  it("'continue': a mid-race lr change retunes every run and keeps the trajectories", async () => {
    const { store, engine, clock } = await setup(10);
    const uid = store.getState().draft.runs[1].uid;
    store.getState().setHyperMode('continue');
    store.getState().stepOnce();
    store.getState().stepOnce();
    for (let i = 0; i < 4; i++) await clock.frame();
    expect(store.getState().step).toBe(2);
    store.getState().setHyper(uid, 'lr', 0.03);
    for (let i = 0; i < 3; i++) await clock.frame();
    const s = store.getState();
    expect(engine.tunes).toEqual(['retune']);
    expect(engine.configures).toBe(1);
    expect(s.step).toBe(2);
    expect(s.notice).toEqual({ key: 'notice.runContinues', runUid: uid });
    for (let i = 0; i < s.runUids.length; i++) expect(s.traj.lengthOf(i)).toBe(3);
  });

  it('at step 0, or when the change is not a hyperparameter, the race is configured again', async () => {
    const { store, engine, clock } = await setup(10);
    store.getState().setHyper(store.getState().draft.runs[0].uid, 'lr', 0.02);
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(engine.configures).toBe(2);
    expect(engine.tunes).toEqual([]);
    expect(store.getState().notice).toBeNull();
    store.getState().stepOnce();
    for (let i = 0; i < 3; i++) await clock.frame();
    store.getState().setStart(0.5, 0.5);
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(engine.configures).toBe(3);
    expect(store.getState().step).toBe(0);
  });

  it('renaming or recolouring a run does not restart the race', async () => {
    const { store, clock } = await setup(10);
    store.getState().stepOnce();
    for (let i = 0; i < 3; i++) await clock.frame();
    store.getState().renameRun(store.getState().draft.runs[0].uid, 'plain GD');
    for (let i = 0; i < 3; i++) await clock.frame();
    expect(store.getState().step).toBe(1);
  });
});
