/**
 * Bundles the Node bench (./entry.ts, ./cpuWorker.ts, ./probe.ts, ./ablation.ts and the src/ and scripts/bench/
 * code they import) into .devkit/bundle/*.mjs: Vite resolves `?raw` WGSL and import.meta.glob as it does
 * for the app, so Node runs the very shaders the browser compiles. 'webgpu' (Dawn) stays
 * external and is resolved from the bundle's folder upwards at run time (.devkit/node_modules,
 * or the repo's node_modules if it is ever installed there). BENCH_NODE_OUT moves the output.
 *   npx vite build --config scripts/bench-node/vite.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('../..'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: process.env.BENCH_NODE_OUT ?? here('../../.devkit/bundle'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { entry: here('./entry.ts'), 'cpu-worker': here('./cpuWorker.ts'), probe: here('./probe.ts'), ablation: here('./ablation.ts') },
      external: ['webgpu'],
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true, external: ['webgpu'], target: 'node' },
});
