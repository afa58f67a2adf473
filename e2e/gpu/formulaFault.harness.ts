/**
 * The whole app, booted by its own entry (src/main.tsx; the dev server registers no service
 * worker), on real WebGPU, with one custom formula whose step kernel the device cannot compile:
 * the formula compiles in the core, and its cached compiled form (the objective registry
 * compiles each text once, and the app's modules share this page's instance of it) gets a WGSL
 * emitter that appends a line Tint rejects. No formula a user can type produces invalid WGSL
 * (faults.harness.ts says why), so this is how e2e/gpu/formulaFault.spec.ts reaches the path;
 * nothing stands in for WebGPU, and the CPU workers compile their own, intact copy.
 */
import type { CompiledFormula } from '../../src/core/expr';
import { bindObjective } from '../../src/core/objectives';

/** The formula the GPU cannot compile (the spec types it). */
const GPU_BROKEN_FORMULA = '(x - 1)^2 + 3*(y + 0.5)^2 + x*y/4';
const BROKEN_WGSL = '\nfn broken_user_term() -> f32 { return undefined_symbol_from_formula * 2.0; }\n';

const cached = bindObjective('custom', {}, GPU_BROKEN_FORMULA).formula as { toWgsl: CompiledFormula['toWgsl'] };
const emit = cached.toWgsl;
cached.toWgsl = (o) => emit(o) + BROKEN_WGSL;

// After the patch: the app entry by URL (a .tsx module the e2e TypeScript project does not build).
const entry = '/src/main.tsx';
void import(/* @vite-ignore */ entry);
