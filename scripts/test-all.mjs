#!/usr/bin/env node
/**
 * `npm test`: every check, in order — lint, typecheck, unit (vitest), build, e2e + GPU
 * (Playwright in real Chromium). Every step runs even when an earlier one fails, so one run
 * shows everything that is wrong. Ends with one line `N passed, N failed` (unit and e2e tests
 * together) and exits non-zero when any step failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['typecheck', 'npx', ['tsc', '-b']],
  ['unit', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['vite', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(f, { force: true });

const failedSteps = [];
const timings = [];
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  if (result.status !== 0) failedSteps.push(name);
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
} else failed += 1;
const pw = readJson('test-results/playwright.json');
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
  skipped += pw.stats.skipped ?? 0;
} else failed += 1;

console.log(`\nSteps: ${timings.join(', ')}`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
