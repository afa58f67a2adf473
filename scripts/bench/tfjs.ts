/** TensorFlow.js (webgpu backend) doing the same vectorised Adam update on Rosenbrock. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { Measure } from './workloads';
import { starts } from './workloads';

let ready: Promise<boolean> | undefined;

/**
 * Seconds for `steps` calls of `step`: one untimed step first (compiles TF.js's kernels), and
 * `read` (a readback of x) before and after, so the queued GPU work is inside the timing.
 */
async function timeSteps(step: () => void, read: () => Promise<unknown>, steps: number): Promise<number> {
  step();
  await read();
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) step();
  await read();
  return (performance.now() - t0) / 1000;
}

/** The webgpu backend (or an error), then the bench's starts as x and y arrays. */
async function startCoordinates(runs: number): Promise<[Float32Array, Float32Array]> {
  ready ??= tf.setBackend('webgpu').then(async (ok) => { await tf.ready(); return ok; });
  if (!(await ready) || tf.getBackend() !== 'webgpu') throw new Error('TF.js webgpu backend unavailable');
  const s = starts(runs);
  const xs = new Float32Array(runs), ys = new Float32Array(runs);
  for (let i = 0; i < runs; i++) { xs[i] = s[2 * i]; ys[i] = s[2 * i + 1]; }
  return [xs, ys];
}

export async function tfjsWebgpu(runs: number, steps: number): Promise<Measure> {
  const [xs, ys] = await startCoordinates(runs);
  let x = tf.tensor1d(xs), y = tf.tensor1d(ys);
  let mx = tf.zerosLike(x), my = tf.zerosLike(x), vx = tf.zerosLike(x), vy = tf.zerosLike(x);
  const lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, a = 1, b = 100;
  let b1t = 1, b2t = 1;
  const step = () => {
    b1t *= b1;
    b2t *= b2;
    const next = tf.tidy(() => {
      const r = y.sub(x.square());
      const gx = x.sub(a).mul(2).sub(x.mul(r).mul(4 * b));
      const gy = r.mul(2 * b);
      const nmx = mx.mul(b1).add(gx.mul(1 - b1)), nmy = my.mul(b1).add(gy.mul(1 - b1));
      const nvx = vx.mul(b2).add(gx.square().mul(1 - b2)), nvy = vy.mul(b2).add(gy.square().mul(1 - b2));
      const upd = (m: tf.Tensor, v: tf.Tensor) => m.div(1 - b1t).mul(lr).div(v.div(1 - b2t).sqrt().add(eps));
      return [x.sub(upd(nmx, nvx)), y.sub(upd(nmy, nvy)), nmx, nmy, nvx, nvy];
    });
    tf.dispose([x, y, mx, my, vx, vy]);
    [x, y, mx, my, vx, vy] = next as tf.Tensor1D[];
  };
  const seconds = await timeSteps(step, () => x.data(), steps);
  tf.dispose([x, y, mx, my, vx, vy]);
  return { steps, seconds };
}

/**
 * What a TensorFlow.js user writes for the same experiment: the runs' coordinates as two
 * variables, Rosenbrock summed over the runs (runs are independent, so the gradient of the sum
 * is each run's own gradient), and `tf.train.adam(...).minimize` (autodiff plus TF.js's own Adam
 * kernels). TF.js's Adam (AdamOptimizer.applyGradients) is the same update as ours and
 * torch's: bias-corrected m̂ / (√v̂ + ε), times −lr.
 */
export async function tfjsAdamOptimizer(runs: number, steps: number): Promise<Measure> {
  const [xs, ys] = await startCoordinates(runs);
  const x = tf.variable(tf.tensor1d(xs)), y = tf.variable(tf.tensor1d(ys));
  const a = 1, b = 100;
  const opt = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
  const loss = () => tf.sum(tf.add(tf.square(tf.sub(a, x)), tf.mul(b, tf.square(tf.sub(y, tf.square(x)))))) as tf.Scalar;
  const step = () => opt.minimize(loss, false, [x, y]);
  const seconds = await timeSteps(step, () => x.data(), steps);
  const x0 = (await x.data())[0];
  opt.dispose();
  tf.dispose([x, y]);
  return { steps, seconds, note: `x[0] = ${x0.toFixed(4)}` };
}
