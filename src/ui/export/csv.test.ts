import { describe, expect, it } from 'vitest';
import { csvField, lossCurvesCsv, parseCsv, trajectoryCsv, uniqueLabels, type CsvRun } from './csv';

/** Values that shortest-round-trip printing must get right. */
const HARD = [0.1, 1 / 3, -2.5e-7, 1e21, 123456789.12345679, Number.MIN_VALUE, -Number.MAX_VALUE, 5e-324, NaN, Infinity, -Infinity, 0];

function run(label: string, xs: readonly number[], extra = 3): CsvRun {
  // Arrays longer than `length`, as the trajectory buffer preallocates them.
  const pad = (a: readonly number[]) => Float64Array.from([...a, ...Array.from({ length: extra }, () => 999)]);
  return {
    label,
    optimizer: 'adam',
    x: pad(xs),
    y: pad(xs.map((v) => -v)),
    loss: pad(xs.map((v) => v * v)),
    length: xs.length,
  };
}

describe('csvField', () => {
  it('quotes commas, quotes and line breaks per RFC 4180, and nothing else', () => {
    expect(csvField('Adam')).toBe('Adam');
    expect(csvField('Adam, lr 0.1')).toBe('"Adam, lr 0.1"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' spaced ')).toBe(' spaced ');
  });
});

describe('trajectoryCsv', () => {
  it('has the header, then one row per run and recorded step, runs in order, steps from 0', () => {
    const text = trajectoryCsv([run('A', [1, 0.5]), run('B', [2])]);
    expect(text).toBe('run,label,optimizer,step,x,y,loss\n0,A,adam,0,1,-1,1\n0,A,adam,1,0.5,-0.5,0.25\n1,B,adam,0,2,-2,4\n');
  });

  it('parses back to exactly the same doubles (full round-trip precision)', () => {
    const r = run('hard', HARD);
    const rows = parseCsv(trajectoryCsv([r]));
    expect(rows[0]).toEqual(['run', 'label', 'optimizer', 'step', 'x', 'y', 'loss']);
    expect(rows).toHaveLength(HARD.length + 1);
    rows.slice(1).forEach((row, k) => {
      expect(row[3]).toBe(String(k));
      for (const [col, arr] of [[4, r.x], [5, r.y], [6, r.loss]] as const) {
        expect(Object.is(Number(row[col]), arr[k]) || (arr[k] === 0 && Number(row[col]) === 0), `row ${k} col ${col}`).toBe(true);
      }
    });
  });

  it('escapes labels with commas, quotes and newlines, and they parse back whole', () => {
    const labels = ['Adam, lr=0.1', 'the "fast" one', 'two\nlines', 'plain'];
    const rows = parseCsv(trajectoryCsv(labels.map((l) => run(l, [1]))));
    expect(rows.slice(1).map((r) => r[1])).toEqual(labels);
    expect(rows.slice(1).every((r) => r.length === 7)).toBe(true);
  });

  it('starts with the columns of the simulate CLI (run,step,x,y,loss) under the same names', () => {
    const header = parseCsv(trajectoryCsv([]))[0];
    for (const c of ['run', 'step', 'x', 'y', 'loss']) expect(header).toContain(c);
    expect(parseCsv(trajectoryCsv([]))).toHaveLength(1);
  });

  it('is deterministic: the same race gives the same bytes', () => {
    const a = trajectoryCsv([run('A', HARD), run('B', [3, 2, 1])]);
    const b = trajectoryCsv([run('A', HARD), run('B', [3, 2, 1])]);
    expect(a).toBe(b);
  });
});

describe('lossCurvesCsv', () => {
  it('is wide: step, then one column per run; a shorter run leaves its cells empty', () => {
    const text = lossCurvesCsv([run('A', [1, 0.5, 0.25]), run('B', [2])]);
    expect(parseCsv(text)).toEqual([
      ['step', 'A', 'B'],
      ['0', '1', '4'],
      ['1', '0.25', ''],
      ['2', '0.0625', ''],
    ]);
  });

  it('keeps full precision and quotes labels', () => {
    const r = run('a, "b"', HARD);
    const rows = parseCsv(lossCurvesCsv([r]));
    expect(rows[0]).toEqual(['step', 'a, "b"']);
    rows.slice(1).forEach((row, k) => expect(Object.is(Number(row[1]), r.loss[k])).toBe(true));
  });

  it('makes repeated labels (and "step") unique', () => {
    expect(uniqueLabels(['Adam', 'Adam', 'GD', 'step'])).toEqual(['Adam (run 0)', 'Adam (run 1)', 'GD', 'step (run 3)']);
  });
});

describe('parseCsv', () => {
  it('reads CRLF, quoted line breaks, empty fields and no final newline', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",\n,"q""q"')).toEqual([
      ['a', 'b'],
      ['x\r\ny', ''],
      ['', 'q"q'],
    ]);
  });
});
