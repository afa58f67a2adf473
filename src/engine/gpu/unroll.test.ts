import { describe, expect, it } from 'vitest';
import stepWgsl from '../../../shaders/step.wgsl?raw';
import bareWgsl from '../../../shaders/bare_adam.wgsl?raw';
import { unrollLoops } from './unroll';

const loop = [
  '  var k = 0u;',
  '  // UNROLL 3: why',
  '  // more words',
  '  for (; k < end; k++) {',
  '    acc = acc + f32(k);',
  '  }',
  '  // END UNROLL',
].join('\n');

/**
 * The values k takes in the bodies, in order, read off the unrolled text: the unrolled loop's
 * guard and stride, the offset each copy adds to k, then the remainder loop.
 */
function ks(src: string, end: number): number[] {
  const head = /for \(; k \+ (\d+)u < end; k \+= (\d+)u\) \{/.exec(src)!;
  const [guard, stride] = [Number(head[1]), Number(head[2])];
  const offsets = [...src.matchAll(/let k = k \+ (\d+)u;/g)].map((m) => Number(m[1]));
  expect(src.slice(head.index)).toMatch(/\}\n\s*for \(; k < end; k\+\+\) \{\n\s*acc = acc \+ f32\(k\);\n\s*\}$/);
  const seen: number[] = [];
  let k = 0;
  for (; k + guard < end; k += stride) for (const j of offsets) seen.push(k + j);
  for (; k < end; k++) seen.push(k);
  return seen;
}

describe('unrollLoops', () => {
  it('runs the body n times per iteration and the rest in the original loop, k in order', () => {
    const out = unrollLoops(loop);
    expect(out).toContain('for (; k + 2u < end; k += 3u) {');
    expect(out.match(/acc = acc \+ f32\(k\);/g)).toHaveLength(4);
    for (const end of [0, 1, 2, 3, 4, 7, 9]) expect(ks(out, end)).toEqual(Array.from({ length: end }, (_, i) => i));
  });
  it('leaves text without markers as it is, and refuses an absurd count', () => {
    expect(unrollLoops('for (;;) {}')).toBe('for (;;) {}');
    expect(() => unrollLoops(loop.replace('UNROLL 3', 'UNROLL 99'))).toThrow(/2 to 16/);
  });
  it('unrolls the step kernel\'s fast loop and the bench ceiling by 4', () => {
    for (const src of [stepWgsl, bareWgsl]) {
      const out = unrollLoops(src);
      expect(out).not.toContain('UNROLL');
      expect(out).toContain('k += 4u) {');
      expect(out).toContain('let k = k + 3u;');
    }
  });
});
