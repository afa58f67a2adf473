/** The one message workedExample.worker.ts answers with (structured-clonable: plain data). */
import type { WorkedExample } from '../../core/training/workedExample';

export type WorkedExampleMessage =
  | { readonly ok: true; readonly example: WorkedExample; /** Compute time in the worker, ms. */ readonly ms: number }
  | { readonly ok: false; readonly message: string };
