/**
 * Every parser error reads as a sentence in both languages: a row's problem names its line (and
 * field), a whole-file problem names none, and the English text matches the parser's own
 * message, so the two never tell a user different things.
 */
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetCsv, type DatasetKind } from '../../core/data';
import { resources } from '../../i18n';
import { csvErrorMessage, dataProblemMessage } from './csvMessage';

const tFor: Record<string, TFunction> = {};
beforeAll(async () => {
  for (const lng of ['en', 'zh-CN']) {
    const i18n = createInstance();
    await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
    tFor[lng] = i18n.t;
  }
});

function errorOf(text: string, kind: DatasetKind = 'regression', maxRows?: number) {
  const r = parseDatasetCsv(text, kind, maxRows ? { maxRows } : {});
  if (r.ok) throw new Error('should be refused');
  return r.error;
}

/** One input per error code (tooLarge is built by hand: the panel refuses big files before reading). */
const CASES: [string, string, DatasetKind, number?][] = [
  ['columnCount', '1,2\n3', 'regression'],
  ['notANumber', 'x,y\n1,2\n1,abc', 'regression'],
  ['emptyField', '1,2\n ,3', 'regression'],
  ['decimalComma', '1;2\n3,5;4', 'regression'],
  ['notFinite', '1,2\nNaN,3', 'regression'],
  ['unterminatedQuote', '1,2\n3,"4', 'regression'],
  ['badHeader', 'a,b\n1,2', 'regression'],
  ['badLabel', '1,2,2\n3,4,1', 'classification'],
  ['mixedLabels', '1,2,0\n3,4,-1', 'classification'],
  ['tooManyRows', '1,2\n3,4\n5,6', 'regression', 2],
  ['empty', '\n\n', 'regression'],
  ['tooFewRows', 'x,y\n1,2', 'regression'],
];

describe('csvErrorMessage', () => {
  it.each(CASES)('%s: the same sentence as the parser in English, a Chinese one with the line', (code, text, kind, maxRows) => {
    const e = errorOf(text, kind, maxRows);
    expect(e.code).toBe(code);
    const en = csvErrorMessage(tFor.en, e, 'en');
    const zh = csvErrorMessage(tFor['zh-CN'], e, 'zh-CN');
    expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.text).not.toMatch(/{{|}}/);
    if (['empty', 'tooFewRows'].includes(code)) {
      expect(en.line).toBeUndefined();
      expect(en.text.startsWith('The data cannot be used: ')).toBe(true);
    } else {
      expect(en.line).toBe(e.line);
      // Typographic quotes and the minus sign aside, the parser's English message.
      const plain = (s: string) => s.replace(/[“”]/g, '"').replace(/−/g, '-');
      expect(plain(en.text)).toBe(plain(e.message));
      expect(zh.text).toContain(`第 ${e.line} 行`);
    }
  });

  it('states sizes in MiB and row limits with digit grouping', () => {
    const big = csvErrorMessage(tFor.en, { code: 'tooLarge', line: 1, message: '', args: { bytes: 40.5 * 2 ** 20, max: 32 * 2 ** 20 } }, 'en');
    expect(big.text).toBe('The data cannot be used: the file is 40.5 MiB, more than the limit of 32 MiB.');
    const many = csvErrorMessage(tFor.en, errorOf('1,2\n3,4\n5,6', 'regression', 2), 'en');
    expect(many.text).toBe('Line 3: more than 2 rows of data.');
  });

  it('names data that parse but cannot be fitted', () => {
    expect(dataProblemMessage(tFor.en, 'noLine').text).toMatch(/^The data cannot be used: every x is the same/);
    expect(dataProblemMessage(tFor['zh-CN'], 'unreadable', 'a.csv').text).toContain('a.csv');
  });
});
