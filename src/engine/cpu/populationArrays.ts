/**
 * The per-run arrays of a population (see Population for what each holds), allocated as plain
 * typed arrays or, when its chunks step in wasm kernels, inside the kernels' memory
 * (./wasm/stepper) so the kernels copy runs in and out of their lanes themselves.
 */
export interface PopulationArrays {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  /** x, y interleaved per run. */
  readonly grad: Float64Array;
  /** Every run's optimizer state, run i's at [stateAt[i], stateAt[i] + its size). */
  readonly stateBuf: Float64Array;
  readonly codeStep: Int32Array;
  readonly stateAt: Int32Array;
  /** Global step at which each run (re)started. */
  readonly origins: Int32Array;
  readonly code: Uint8Array;
}

/** Bytes {@link placeArrays} needs for `n` runs with `stateSize` state values in all. */
export function arraysBytes(n: number, stateSize: number): number {
  return 8 * (6 * n + stateSize) + 4 * 3 * n + n;
}

/**
 * The arrays for `n` runs laid out from byte `at` of `buffer` (8-aligned): the float64 arrays,
 * then the int32 ones, then code. Without a buffer, plain arrays.
 */
export function placeArrays(n: number, stateSize: number, buffer?: ArrayBuffer, at = 0): PopulationArrays {
  if (!buffer) {
    return {
      x: new Float64Array(n), y: new Float64Array(n), loss: new Float64Array(n), gradNorm: new Float64Array(n),
      grad: new Float64Array(2 * n), stateBuf: new Float64Array(stateSize),
      codeStep: new Int32Array(n), stateAt: new Int32Array(n), origins: new Int32Array(n), code: new Uint8Array(n),
    };
  }
  if (at % 8 !== 0) throw new Error(`placeArrays: offset ${at} is not 8-aligned`);
  const f64 = (len: number): Float64Array => {
    const a = new Float64Array(buffer, at, len);
    at += 8 * len;
    return a;
  };
  const i32 = (len: number): Int32Array => {
    const a = new Int32Array(buffer, at, len);
    at += 4 * len;
    return a;
  };
  const x = f64(n), y = f64(n), loss = f64(n), gradNorm = f64(n), grad = f64(2 * n), stateBuf = f64(stateSize);
  const codeStep = i32(n), stateAt = i32(n), origins = i32(n);
  const code = new Uint8Array(buffer, at, n);
  return { x, y, loss, gradNorm, grad, stateBuf, codeStep, stateAt, origins, code };
}
