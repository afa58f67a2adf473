/**
 * An optimizer's WGSL as the kernel includes it: shaders/optimizers/<id>.wgsl preceded by the
 * shared pieces it names in `// requires: a, b` lines (e.g. adam and adamw share
 * adam_moments.wgsl), each once, in order. WGSL has no includes; this is the one composer, used
 * by the step kernel and by the GPU tests.
 */
const SOURCES = import.meta.glob('../../../shaders/optimizers/*.wgsl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function source(name: string): string {
  const src = SOURCES[`../../../shaders/optimizers/${name}.wgsl`];
  if (src === undefined) throw new Error(`No WGSL '${name}' in shaders/optimizers`);
  return src;
}

/** Names a file requires, from its `// requires: a, b` lines. */
function requires(src: string): string[] {
  return [...src.matchAll(/^\/\/ requires: (.+)$/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim()).filter(Boolean));
}

/**
 * WGSL of shaders/optimizers/<name>.wgsl for each name, each preceded by what it requires
 * (clip, adam_moments, ...); a file that several of them need comes once.
 */
export function optimizerWgsl(...names: string[]): string {
  const order: string[] = [];
  const visit = (n: string, path: readonly string[]) => {
    if (path.includes(n)) throw new Error(`WGSL requires form a cycle: ${[...path, n].join(' -> ')}`);
    if (order.includes(n)) return;
    for (const dep of requires(source(n))) visit(dep, [...path, n]);
    order.push(n);
  };
  for (const name of names) visit(name, []);
  return order.map(source).join('\n');
}

/**
 * Bits of the optimizer state slots `optimizer`'s step reads or writes when only the
 * hyperparameters in `hpNonzero` (bit i: hp[i]) can be nonzero: all of its `stateSize` slots,
 * less those its WGSL declares in `// state-when: k l hp i` lines (st[k], st[l] are touched
 * only inside `if (hp_on(iu) ...)`, e.g. Adam's amsgrad maximum) whose hp is 0 everywhere.
 */
export function stateSlotMask(optimizer: string, stateSize: number, hpNonzero: number): number {
  let mask = stateSize >= 32 ? 0xffffffff : (1 << stateSize) - 1;
  for (const m of optimizerWgsl(optimizer).matchAll(/^\/\/ state-when: ([\d ]+) hp (\d+)$/gm)) {
    if (hpNonzero & (1 << Number(m[2]))) continue;
    for (const k of m[1].trim().split(/\s+/)) mask &= ~(1 << Number(k));
  }
  return mask >>> 0;
}
