/**
 * LaTeX update rules for the explain panel, with the current hyperparameter values substituted,
 * e.g. gd with lr 0.01: '\theta_{t+1} = \theta_t - 0.01\, g_t'. Rendered by KaTeX in the UI.
 */
import type { HyperValues, OptimizerDef, OptimizerId } from './types';

/** A number as compact LaTeX: 0.01, 0.9, 1\times10^{-8}. */
export function latexNumber(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : v < 0 ? '-\\infty' : '\\text{NaN}';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(Number(v.toPrecision(4)));
  const [mant, exp] = v.toExponential(3).split('e');
  const m = String(Number(mant));
  const e = String(Number(exp));
  return m === '1' ? `10^{${e}}` : m === '-1' ? `-10^{${e}}` : `${m}\\times10^{${e}}`;
}

type Rule = (n: (name: string) => string, on: (name: string) => boolean) => string[];

// Lines of an aligned block; `n` formats a value, `on` tests a flag or a non-zero value.
const decay = (n: (s: string) => string, on: (s: string) => boolean): string[] =>
  on('weight_decay') ? [`g_t &\\leftarrow g_t + ${n('weight_decay')}\\,\\theta_t`] : [];

const adamLike = (n: (s: string) => string, on: (s: string) => boolean, denom: string): string[] => [
  `m_t &= ${n('beta1')}\\, m_{t-1} + (1 - ${n('beta1')})\\, g_t`,
  `v_t &= ${n('beta2')}\\, v_{t-1} + (1 - ${n('beta2')})\\, g_t^2`,
  ...(on('amsgrad') ? [`v_t^{\\max} &= \\max(v_{t-1}^{\\max}, v_t)`] : []),
  `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, \\frac{m_t / (1 - ${n('beta1')}^t)}{\\sqrt{${denom} / (1 - ${n('beta2')}^t)} + ${n('eps')}}`,
];

const RULES: Record<OptimizerId, Rule> = {
  gd: (n, on) => [
    on('weight_decay')
      ? `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, (g_t + ${n('weight_decay')}\\,\\theta_t)`
      : `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, g_t`,
  ],
  sgd: (n, on) => [
    ...decay(n, on),
    `b_t &= ${n('momentum')}\\, b_{t-1} + (1 - ${n('dampening')})\\, g_t \\quad (b_1 = g_1)`,
    on('nesterov')
      ? `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, (g_t + ${n('momentum')}\\, b_t)`
      : `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, b_t`,
  ],
  momentum_ema: (n, on) => [
    ...decay(n, on),
    `v_t &= ${n('beta')}\\, v_{t-1} + (1 - ${n('beta')})\\, g_t \\quad (v_0 = 0)`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, v_t`,
  ],
  adagrad: (n, on) => [
    ...decay(n, on),
    `s_t &= s_{t-1} + g_t^2 \\quad (s_0 = ${n('initial_accumulator_value')})`,
    `\\theta_{t+1} &= \\theta_t - \\frac{${n('lr')}}{1 + (t-1)\\, ${n('lr_decay')}}\\, \\frac{g_t}{\\sqrt{s_t} + ${n('eps')}}`,
  ],
  rmsprop: (n, on) => {
    const vt = on('centered') ? 'v_t - \\bar g_t^2' : 'v_t';
    const step = `\\frac{g_t}{\\sqrt{${vt}} + ${n('eps')}}`;
    return [
      ...decay(n, on),
      `v_t &= ${n('alpha')}\\, v_{t-1} + (1 - ${n('alpha')})\\, g_t^2`,
      ...(on('centered') ? [`\\bar g_t &= ${n('alpha')}\\, \\bar g_{t-1} + (1 - ${n('alpha')})\\, g_t`] : []),
      ...(on('momentum')
        ? [`b_t &= ${n('momentum')}\\, b_{t-1} + ${step}`, `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, b_t`]
        : [`\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, ${step}`]),
    ];
  },
  adadelta: (n, on) => [
    ...decay(n, on),
    `v_t &= ${n('rho')}\\, v_{t-1} + (1 - ${n('rho')})\\, g_t^2`,
    `\\Delta x_t &= \\frac{\\sqrt{u_{t-1} + ${n('eps')}}}{\\sqrt{v_t + ${n('eps')}}}\\, g_t`,
    `u_t &= ${n('rho')}\\, u_{t-1} + (1 - ${n('rho')})\\, \\Delta x_t^2`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, \\Delta x_t`,
  ],
  adam: (n, on) => [...decay(n, on), ...adamLike(n, on, on('amsgrad') ? 'v_t^{\\max}' : 'v_t')],
  adamw: (n, on) => [
    `\\theta_t &\\leftarrow \\theta_t - ${n('lr')} \\cdot ${n('weight_decay')}\\, \\theta_t`,
    ...adamLike(n, on, on('amsgrad') ? 'v_t^{\\max}' : 'v_t'),
  ],
  adamax: (n, on) => [
    ...decay(n, on),
    `m_t &= ${n('beta1')}\\, m_{t-1} + (1 - ${n('beta1')})\\, g_t`,
    `u_t &= \\max(${n('beta2')}\\, u_{t-1},\\ |g_t| + ${n('eps')})`,
    `\\theta_{t+1} &= \\theta_t - \\frac{${n('lr')}\\, m_t}{(1 - ${n('beta1')}^t)\\, u_t}`,
  ],
  nadam: (n, on) => [
    ...decay(n, on),
    `\\mu_t &= ${n('beta1')}\\, (1 - \\tfrac12\\, 0.96^{t \\cdot ${n('momentum_decay')}})`,
    `m_t &= ${n('beta1')}\\, m_{t-1} + (1 - ${n('beta1')})\\, g_t`,
    `v_t &= ${n('beta2')}\\, v_{t-1} + (1 - ${n('beta2')})\\, g_t^2`,
    `\\hat m_t &= \\frac{\\mu_{t+1}\\, m_t}{1 - \\prod_{i=1}^{t+1} \\mu_i} + \\frac{(1 - \\mu_t)\\, g_t}{1 - \\prod_{i=1}^{t} \\mu_i}`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, \\frac{\\hat m_t}{\\sqrt{v_t / (1 - ${n('beta2')}^t)} + ${n('eps')}}`,
  ],
  radam: (n, on) => [
    ...decay(n, on),
    `m_t &= ${n('beta1')}\\, m_{t-1} + (1 - ${n('beta1')})\\, g_t`,
    `v_t &= ${n('beta2')}\\, v_{t-1} + (1 - ${n('beta2')})\\, g_t^2`,
    `\\rho_t &= ${n('rho_inf')} - \\frac{2t\\, ${n('beta2')}^t}{1 - ${n('beta2')}^t}`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, \\frac{m_t}{1 - ${n('beta1')}^t} \\cdot \\begin{cases} r_t\\, \\frac{\\sqrt{1 - ${n('beta2')}^t}}{\\sqrt{v_t} + ${n('eps')}} & \\rho_t > 5 \\\\ 1 & \\text{otherwise} \\end{cases}`,
  ],
  sag: (n) => [
    `y_{i_t} &\\leftarrow \\nabla f_{i_t}(\\theta_t)`,
    `\\theta_{t+1} &= \\theta_t - \\frac{${n('lr')}}{m_t} \\textstyle\\sum_{i} y_i \\quad (m_t\\text{: samples seen})`,
  ],
  svrg: (n) => [
    `\\tilde\\theta \\leftarrow \\theta_t,\\ \\mu &\\leftarrow \\nabla f(\\tilde\\theta) \\quad \\text{every } m \\text{ steps}`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, \\bigl(\\nabla f_{i_t}(\\theta_t) - \\nabla f_{i_t}(\\tilde\\theta) + \\mu\\bigr)`,
  ],
  lion: (n) => [
    `c_t &= ${n('beta1')}\\, m_{t-1} + (1 - ${n('beta1')})\\, g_t`,
    `\\theta_{t+1} &= \\theta_t - ${n('lr')}\\, (\\operatorname{sign}(c_t) + ${n('weight_decay')}\\, \\theta_t)`,
    `m_t &= ${n('beta2')}\\, m_{t-1} + (1 - ${n('beta2')})\\, g_t`,
  ],
};

/**
 * The update rule of `def` as LaTeX with the given values substituted (missing ones take the
 * defaults; derived values such as RAdam's ρ∞ are computed). One line is returned bare,
 * several are wrapped in an aligned block.
 */
export function updateRuleLatex(def: OptimizerDef, hyper: HyperValues): string {
  const values: Record<string, number> = {};
  for (const s of def.hyper) values[s.name] = hyper[s.name] ?? s.default;
  Object.assign(values, def.derive(values));
  const n = (name: string): string => {
    const v = values[name];
    if (v === undefined) throw new Error(`updateRuleLatex: '${def.id}' has no value '${name}'`);
    return latexNumber(v);
  };
  const on = (name: string): boolean => (values[name] ?? 0) !== 0;
  const lines = RULES[def.id](n, on);
  if (lines.length === 1) return lines[0].replace(' &=', ' =');
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}
