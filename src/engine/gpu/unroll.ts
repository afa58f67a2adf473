/**
 * Loop unrolling for the step kernel (and the bench's bare kernel), applied to the WGSL text
 * when a kernel is composed. A loop written as
 *
 *     // UNROLL n: why
 *     for (; k < end; k++) {
 *       BODY
 *     }
 *     // END UNROLL
 *
 * becomes a loop that runs BODY n times per iteration, each copy in a block that shadows k
 * with k + j, followed by the original loop for the remaining steps. The source stays valid
 * WGSL without the transform (the plain loop), and the body is written once. On SwiftShader a
 * loop's own bookkeeping (condition, lane mask, back edge) costs about as much as a sixth of a
 * step; unrolling by 4 measured 15–20% faster, by 8 no faster than by 4 (docs/benchmarks.md).
 */
const LOOP = /^([ \t]*)\/\/ UNROLL (\d+)\b[^\n]*\n(?:\1\/\/[^\n]*\n)*\1for \(; k < (\w+); k\+\+\) \{\n([\s\S]*?)\n\1\}\n\1\/\/ END UNROLL$/gm;

export function unrollLoops(wgsl: string): string {
  return wgsl.replace(LOOP, (_all, indent: string, times: string, end: string, body: string) => {
    const n = Number(times);
    if (!(n >= 2 && n <= 16)) throw new Error(`UNROLL ${times}: expected 2 to 16 copies`);
    const copies = Array.from({ length: n }, (_, j) => [
      `${indent}  {`,
      `${indent}    let k = k + ${j}u;`,
      body.replace(/^/gm, '  '),
      `${indent}  }`,
    ].join('\n'));
    return [
      `${indent}for (; k + ${n - 1}u < ${end}; k += ${n}u) {`,
      ...copies,
      `${indent}}`,
      `${indent}for (; k < ${end}; k++) {`,
      body,
      `${indent}}`,
    ].join('\n');
  });
}
