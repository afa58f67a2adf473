/**
 * CSV exports of a race, pure (no DOM), so a test can parse them back bit for bit.
 *
 * Trajectories (long form, one row per run and recorded step):
 *   run,label,optimizer,step,x,y,loss
 * `run` is the 0-based index in race order, `step` the run's own step (0 = the start point),
 * `optimizer` the registry id. It is a superset of the simulate CLI's `run,step,x,y,loss`
 * (scripts/simulate.ts): the same columns, written the same way, plus label and optimizer, so a
 * reader that picks columns by header name reads both.
 *
 * Loss curves (wide form, for spreadsheets):
 *   step,<label of run 0>,<label of run 1>,…
 * one row per step up to the longest run; a run with fewer samples (restarted) has empty cells
 * there. Labels that repeat (or read "step") get " (run i)" appended so every header is unique.
 *
 * Numbers are String(n): the shortest text that parses back to the same double (NaN and
 * ±Infinity as JavaScript writes them; −0 reads 0, as in the CLI). Fields are quoted per RFC 4180
 * when they hold a comma, a quote or a line break; lines end in LF, like the CLI's output.
 */

/** One run's recorded series, as the trajectory buffer holds it (arrays may be longer). */
export interface CsvRun {
  readonly label: string;
  readonly optimizer: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
  /** Valid samples: local steps 0..length − 1. */
  readonly length: number;
}

/** Header line of the trajectory CSV. */
export const TRAJECTORY_COLUMNS = ['run', 'label', 'optimizer', 'step', 'x', 'y', 'loss'] as const;

/** A field quoted per RFC 4180 when it needs to be (comma, double quote, CR or LF). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\n`;

/**
 * Appends lines to a list in chunks: one string per row is slow to join, one string for a
 * 64-run × 100 000-step race is too big to grow by concatenation.
 */
class ChunkedText {
  private readonly parts: string[] = [];
  private chunk = '';

  add(line: string): void {
    this.chunk += line;
    if (this.chunk.length > 1 << 16) {
      this.parts.push(this.chunk);
      this.chunk = '';
    }
  }

  toString(): string {
    return this.parts.join('') + this.chunk;
  }
}

/** The trajectory CSV (format in the module comment): every run, every recorded step. */
export function trajectoryCsv(runs: readonly CsvRun[]): string {
  const out = new ChunkedText();
  out.add(`${TRAJECTORY_COLUMNS.join(',')}\n`);
  runs.forEach((r, i) => {
    // Label and optimizer are the same on every row of a run: quote them once.
    const head = `${i},${csvField(r.label)},${csvField(r.optimizer)},`;
    for (let k = 0; k < r.length; k++) out.add(`${head}${k},${r.x[k]},${r.y[k]},${r.loss[k]}\n`);
  });
  return out.toString();
}

/** Column names for runs' labels: unique, never "step" (see the module comment). */
export function uniqueLabels(labels: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  return labels.map((l, i) => (count.get(l) === 1 && l !== 'step' ? l : `${l} (run ${i})`));
}

/** The loss-curves CSV (wide form, see the module comment). */
export function lossCurvesCsv(runs: readonly Pick<CsvRun, 'label' | 'loss' | 'length'>[]): string {
  const out = new ChunkedText();
  out.add(row(['step', ...uniqueLabels(runs.map((r) => r.label))]));
  const steps = Math.max(0, ...runs.map((r) => r.length));
  for (let k = 0; k < steps; k++) {
    let line = String(k);
    for (const r of runs) line += k < r.length ? `,${r.loss[k]}` : ',';
    out.add(`${line}\n`);
  }
  return out.toString();
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of fields. For the
 * tests and for reading an export back; a final line end does not make an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) rows.push([...fields, field]);
  return rows;
}
