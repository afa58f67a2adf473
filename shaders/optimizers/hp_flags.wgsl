// Which hyperparameters can be nonzero, fixed per pipeline: bit i of HP_NONZERO is set when
// hp[i] is nonzero for some template of the kernel's optimizer group (src/engine/gpu/tables.ts).
// An optimizer's branch on a hyperparameter (weight decay, amsgrad, momentum, nesterov, ...)
// tests hp_on(i) first: a branch that no template takes is then removed when the pipeline is
// built, instead of running masked on every step (SwiftShader runs both sides of a branch).
// A value stays runtime data: hp_on only removes branches whose condition is known false.
// Not an optimizer: files that branch on hp say `// requires: hp_flags`.
override HP_NONZERO: u32 = 0xffffu;

fn hp_on(i: u32) -> bool {
  return (HP_NONZERO & (1u << i)) != 0u;
}
