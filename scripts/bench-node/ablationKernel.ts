/**
 * Ablation of the engine's step kernel (shaders/step.wgsl as src/engine/gpu/kernel.ts composes
 * it): the kernel alone, all override flags off (no recording, clipping or schedule), stepping
 * R runs of Adam on Rosenbrock by N steps with no host work between steps, like the bare kernel.
 * Variants are text transforms of the composed WGSL, so each removes one suspect and nothing
 * else; `perDispatch` splits the N steps into dispatches of K steps (32 per submit), as the
 * engine does, to price its chunking apart from its readback.
 */
import { adamExperiment, starts, type Measure } from '../bench/workloads';
import { dispatchGrid } from '../../src/engine/gpu/capacity';
import { PARAMS_SLOT, stepKernelSource, type StepLayouts } from '../../src/engine/gpu/kernel';
import { createRunBuffers } from '../../src/engine/gpu/runBuffers';
import { buildTables } from '../../src/engine/gpu/tables';

/** One variant: a transform of the composed kernel source and the flags it runs with. */
export interface KernelVariant {
  readonly key: string;
  readonly name: string;
  readonly transform: (code: string) => string;
  /** RECORD override on (every thread records; only for small R). */
  readonly record?: boolean;
  /** Steps per dispatch, from the engine's capacity plan for R (undefined: one dispatch). */
  readonly perDispatch?: (runs: number) => number;
}

/** `let rI = min(tI, tI);` → `let rI = tI;`: the formula's SwiftShader folding guards. */
export const dropGuards = (code: string): string => code.replace(/let (r\d+) = min\((t\d+), \2\);/g, 'let $1 = $2;');

/** The fast pass's per-step status-event test is dropped (no run is ever listed for replay). */
export const dropCheck = (code: string): string => replaceOnce(code, 'event = event | status_event(th, fg.x, g, gn, bound, tol_fast);', '');

/** The private arrays st/hp (constant indices only) become 16 private scalars each. */
export function scalarArrays(code: string): string {
  let out = code;
  for (const name of ['st', 'hp']) {
    const decls = Array.from({ length: 16 }, (_, i) => `var<private> ${name}_${i}: f32;`).join('\n');
    out = replaceOnce(out, `var<private> ${name}: array<f32, 16>;`, decls);
    out = out.replace(new RegExp(`\\b${name}\\[(\\d+)u?\\]`, 'g'), `${name}_$1`);
    if (new RegExp(`\\b${name}\\[`).test(out)) throw new Error(`${name}[...] with a non-constant index remains`);
  }
  return out;
}

/** obj_fg becomes the bare kernel's hand-written Rosenbrock value and gradient (params a, b). */
export function handGradient(code: string): string {
  const hand = [
    'fn obj_fg(p: vec2f) -> vec3f {',
    '  let r = p.y - p.x * p.x;',
    '  let d = obj_p0 - p.x;',
    '  return vec3f(d * d + obj_p1 * r * r, -2.0 * d - 4.0 * obj_p1 * p.x * r, 2.0 * obj_p1 * r);',
    '}',
  ].join('\n');
  return `${replaceOnce(code, 'fn obj_fg(', 'fn obj_fg_tape(')}\n${hand}\n`;
}

function replaceOnce(code: string, from: string, to: string): string {
  const i = code.indexOf(from);
  if (i < 0 || code.indexOf(from, i + 1) >= 0) throw new Error(`ablation: '${from}' not found exactly once in the kernel`);
  return code.slice(0, i) + to + code.slice(i + from.length);
}

/** Steps per dispatch that src/engine/gpu/capacity.ts plans for R runs on a hardware GPU (RUN_STEPS_PER_DISPATCH / R, ≤ 1024). */
export const enginePerDispatch = (runs: number): number => Math.max(1, Math.min(1024, Math.floor((1 << 25) / runs)));

const SUBMIT_DISPATCHES = 32;

/** A compiled variant on R runs, ready to time N steps. */
export interface KernelRig {
  run(steps: number): Promise<Measure>;
  /** x of run 0 now (a finite number, or the variant computes garbage). */
  firstX(): Promise<number>;
  destroy(): void;
}

/** Compiles `variant` (inside a validation scope), allocates R runs and runs the init pass. */
export async function createKernelRig(device: GPUDevice, layouts: StepLayouts, variant: KernelVariant, runs: number): Promise<KernelRig> {
  const exp = adamExperiment(1);
  const tables = buildTables(exp);
  const g = tables.groups[0];
  const code = variant.transform(stepKernelSource(tables.formula, g.optimizer));
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: `ablation-${variant.key}`, code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) throw new Error(`${variant.key}: ${errors.map((m) => `line ${m.lineNum}: ${m.message}`).join('; ')}`);
  const constants = (init: boolean) => ({
    WG: 64, INIT: +init, RECORD: +(variant.record ?? false), CLIP: 0, SCHEDULE: 0,
    HP_COUNT: Math.max(1, g.hpCount), STATE_VEC4: Math.max(1, Math.ceil(g.stateSize / 4)), HP_NONZERO: g.hpNonzero,
  });
  const [step, init] = await Promise.all([false, true].map((i) => device.createComputePipelineAsync({
    label: `ablation-${variant.key}-${i ? 'init' : 'step'}`, layout: layouts.pipeline, compute: { module, entryPoint: 'main', constants: constants(i) },
  })));
  const bufs = await createRunBuffers(device, layouts, { runs, recorded: variant.record ? runs : 0, ringCap: 2, consts: tables.data, paramSlots: SUBMIT_DISPATCHES + 1, groups: [null] });
  const s = starts(runs);
  // Planes x and y of `runs` (shaders/step.wgsl).
  const start = new Float32Array(2 * runs);
  for (let i = 0; i < runs; i++) { start[i] = s[2 * i]; start[runs + i] = s[2 * i + 1]; }
  device.queue.writeBuffer(bufs.runs, 0, start);
  const grid = dispatchGrid(runs, 64, device.limits.maxComputeWorkgroupsPerDimension);
  let done = 0;

  /** Dispatches of `count` steps each from step `at`, one submit. */
  const submit = (pipeline: GPUComputePipeline, chunks: readonly [number, number][], isInit: boolean): void => {
    const raw = new ArrayBuffer(PARAMS_SLOT * chunks.length);
    const u32 = new Uint32Array(raw);
    const f32 = new Float32Array(raw);
    const enc = device.createCommandEncoder({ label: `ablation-${variant.key}` });
    const pass = enc.beginComputePass({ label: `ablation-${variant.key}-pass` });
    pass.setPipeline(pipeline);
    pass.setBindGroup(1, bufs.perGroup[0]);
    chunks.forEach(([at, count], slot) => {
      const o = (slot * PARAMS_SLOT) / 4;
      // StepParams as src/engine/gpu/chunk.ts writes it; total = the end of this dispatch.
      u32.set([at, count, at + count, isInit ? 1 : 0, runs, 1, variant.record ? runs : 0, 2, grid.rowWidth, 0, tables.hyperOffset, tables.initOffset, tables.clipOffset, tables.schedOffset], o);
      f32[o + 14] = exp.gradTol;
      f32[o + 15] = exp.bound;
      u32[o + 16] = 0;
      u32[o + 17] = runs;
      pass.setBindGroup(0, bufs.shared, [slot * PARAMS_SLOT]);
      pass.dispatchWorkgroups(grid.x, grid.y);
      // The fast pass lists runs with a status event for an exact replay; the ablation times
      // the kernel alone, so it only resets the list (replay_args.wgsl), as the engine does.
      pass.setPipeline(bufs.replayArgsPipeline);
      pass.setBindGroup(0, bufs.replayArgsGroup);
      pass.dispatchWorkgroups(1);
      pass.setPipeline(pipeline);
    });
    pass.end();
    device.queue.writeBuffer(bufs.params, 0, raw);
    device.queue.submit([enc.finish()]);
  };

  submit(init, [[0, 0]], true);
  await device.queue.onSubmittedWorkDone();
  const scopeError = await device.popErrorScope();
  if (scopeError) throw new Error(`${variant.key}: ${scopeError.message}`);

  return {
    async run(steps) {
      const K = variant.perDispatch ? variant.perDispatch(runs) : steps;
      device.pushErrorScope('validation');
      const t0 = performance.now();
      for (let a = 0; a < steps;) {
        const chunks: [number, number][] = [];
        for (; a < steps && chunks.length < SUBMIT_DISPATCHES; a += K) chunks.push([done + a, Math.min(K, steps - a)]);
        submit(step, chunks, false);
      }
      await device.queue.onSubmittedWorkDone();
      const seconds = (performance.now() - t0) / 1000;
      const err = await device.popErrorScope();
      if (err) throw new Error(`${variant.key}: ${err.message}`);
      done += steps;
      return { steps, seconds, note: K < steps ? `${K} steps per dispatch` : undefined };
    },
    async firstX() {
      const read = device.createBuffer({ label: 'ablation-read', size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
      const enc = device.createCommandEncoder();
      enc.copyBufferToBuffer(bufs.runs, 0, read, 0, 16); // x of runs 0..3 (plane x)
      device.queue.submit([enc.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const x = new Float32Array(read.getMappedRange())[0];
      read.destroy();
      return x;
    },
    destroy() {
      bufs.destroy();
    },
  };
}
