/**
 * Static checks of the WGSL twins (the GPU parity itself is e2e/gpu/optim.spec.ts): every
 * optimizer has its file with the conventional entry point, no pow/exp/log (running products
 * and CPU-derived values instead), no module-scope const (hyperparameters are runtime values),
 * every hp_on(i) (the HP_NONZERO specialization) guards a branch on hp[i] itself, and state
 * slots declared `state-when` are touched only inside their hp_on branch.
 */
import { describe, expect, it } from 'vitest';
import { optimizerWgsl, stateSlotMask } from '../../engine/gpu/optimizerWgsl';
import { OPTIMIZERS, getOptimizer, hyperArray, resolveHyper, stateSize } from './index';

const SOURCES = import.meta.glob('../../../shaders/**/*.wgsl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const read = (name: string): string => {
  const src = SOURCES[`../../../shaders/${name}`];
  if (src === undefined) throw new Error(`missing shaders/${name}`);
  return src;
};

describe('shaders/optimizers/<id>.wgsl', () => {
  it.each(OPTIMIZERS.map((d) => d.id))('%s: opt_step signature, only exact ops', (id) => {
    // As the kernel includes it: the file and the shared pieces it requires.
    const src = optimizerWgsl(id);
    expect(src).toContain('fn opt_step(theta: vec2f, g: vec2f, t: f32, lr: f32) -> vec2f');
    expect(src).not.toMatch(/\b(pow|exp|exp2|log|log2|cos|sin|fma|inverseSqrt)\s*\(/);
    // The one override is hp_flags' HP_NONZERO: structure (which branches exist), not values.
    expect(src.replace(read('optimizers/hp_flags.wgsl'), '')).not.toMatch(/^\s*(const|override)\s/m);
    // hp_on(i) && <cond>: the condition reads hp[i] (directly or through its `let`), so the
    // branch is removed only when hp[i] is 0 for every template, i.e. when it is never taken.
    for (const m of src.matchAll(/hp_on\((\d+)u\) && ([^)]*)\)/g)) {
      const i = m[1];
      const name = /^(?:hp\[(\d+)\]|(\w+))/.exec(m[2].trim())!;
      const read = name[1] ?? new RegExp(`let ${name[2]} = hp\\[(\\d+)\\];`).exec(src)?.[1];
      expect(read, `${id}: hp_on(${i}) && ${m[2]}`).toBe(i);
    }
    // `// state-when: k l hp i`: st[k], st[l] appear only inside `if (hp_on(iu) ...) { ... }`
    // blocks (without nested braces), so the steps may skip them while hp[i] is 0 everywhere.
    for (const m of src.matchAll(/^\/\/ state-when: ([\d ]+) hp (\d+)$/gm)) {
      const outside = src.replace(new RegExp(`if \\(hp_on\\(${m[2]}u\\)[^{]*\\{[^{}]*\\}`, 'g'), '');
      for (const k of m[1].trim().split(/\s+/)) expect(outside, `${id}: st[${k}] outside hp_on(${m[2]}u)`).not.toContain(`st[${k}]`);
    }
    // Reads only slots and hyperparameters the TS declares.
    const def = getOptimizer(id);
    const hpMax = Math.max(-1, ...[...src.matchAll(/hp\[(\d+)\]/g)].map((m) => Number(m[1])));
    const stMax = Math.max(-1, ...[...src.matchAll(/st\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect(hpMax).toBeLessThan(def.hyper.length + def.derived.length);
    expect(stMax).toBeLessThan(2 * def.slots.length + def.scalars.length);
  });
  it('stateSlotMask: every slot, less those whose hp is 0 everywhere', () => {
    const adam = stateSize(getOptimizer('adam'));
    expect(stateSlotMask('adam', adam, 0xffffffff)).toBe(0xff);
    expect(stateSlotMask('adam', adam, 0b011111)).toBe(0b11001111);
    expect(stateSlotMask('adamw', adam, 0)).toBe(0b11001111);
    expect(stateSlotMask('sgd', stateSize(getOptimizer('sgd')), 0)).toBe((1 << stateSize(getOptimizer('sgd'))) - 1);
  });
  it('shared pieces come first, once: adam and adamw include adam_moments', () => {
    for (const id of ['adam', 'adamw']) {
      const src = optimizerWgsl(id);
      expect(src.match(/fn adam_moments_step\(/g)).toHaveLength(1);
      expect(src.indexOf('fn adam_moments_step(')).toBeLessThan(src.indexOf('fn opt_step('));
    }
    expect(optimizerWgsl('sgd')).not.toContain('adam_moments_step');
  });
  it('clip.wgsl and common.wgsl define the shared functions', () => {
    expect(read('optimizers/clip.wgsl')).toContain('fn clip_grad(g: vec2f, max_norm: f32) -> vec2f');
    const common = read('common.wgsl');
    for (const f of ['fn pcg_hash(v: u32) -> u32', 'fn hash2(a: u32, b: u32) -> u32', 'fn uniform01(h: u32) -> f32']) {
      expect(common).toContain(f);
    }
  });
  it('derived values sit where the WGSL reads them (nadam hp[6], radam hp[5])', () => {
    const nadam = getOptimizer('nadam');
    expect(hyperArray(nadam, resolveHyper(nadam, {}, (v) => v))[6]).toBe(Math.pow(0.96, 4e-3));
    expect(read('optimizers/nadam.wgsl')).toContain('let c = hp[6];');
    const radam = getOptimizer('radam');
    expect(hyperArray(radam, resolveHyper(radam, {}, (v) => v))[5]).toBeCloseTo(1999, 9);
    expect(read('optimizers/radam.wgsl')).toContain('let rho_inf = hp[5];');
  });
});
