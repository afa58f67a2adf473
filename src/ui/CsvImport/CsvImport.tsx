/**
 * "Your own data" for the dataset objectives: which samples the race uses (generated, or the
 * imported file's name and row count with a way back), and an inline panel that imports a CSV
 * from a file or pasted text. The panel states the expected columns and the limits; a bad file
 * gets a message naming the line and the problem, and changes nothing. A good one becomes the
 * experiment's data (src/store/importedData.ts): the race restarts on it.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_COLUMNS, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, MIN_CSV_ROWS, parseDatasetCsv, type DatasetKind } from '../../core/data';
import { importProblem } from '../../core/data/imported';
import { importedSamples } from '../../core/objectives/datasetCache';
import { applyGeneratedData, applyImportedData } from '../../store/importedData';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { csvErrorMessage, dataProblemMessage, mib, type CsvMessage } from './csvMessage';

const selectObjective = (s: AppState) => s.draft.objective;

/** Lets the "Reading…" line paint before a large parse holds the main thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ImportPanel({ id, kind, onClose }: { id: string; kind: DatasetKind; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<CsvMessage | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const nf = new Intl.NumberFormat(i18n.language);
  const titleId = `${id}-title`;
  const errorId = `${id}-error`;

  /** Parses, checks and applies; on any problem only the message changes. */
  const load = (csv: string, name: string) => {
    const parsed = parseDatasetCsv(csv, kind, { name });
    if (!parsed.ok) return setError(csvErrorMessage(t, parsed.error, i18n.language));
    const problem = importProblem(parsed.dataset);
    if (problem) return setError(dataProblemMessage(t, problem));
    if (!applyImportedData(appStore, parsed.dataset)) return setError(dataProblemMessage(t, 'refused'));
    setError(null);
    setText('');
    onClose();
  };

  const onFile = async (f: File | undefined) => {
    if (file.current) file.current.value = ''; // the same file chosen again fires change again
    if (!f) return;
    // Refused before reading: a 2 GB file must not be pulled into memory to be told it is too big.
    if (f.size > DEFAULT_MAX_BYTES) {
      return setError(csvErrorMessage(t, { code: 'tooLarge', line: 1, message: '', args: { bytes: f.size, max: DEFAULT_MAX_BYTES } }, i18n.language));
    }
    setReading(f.name);
    try {
      const content = await f.text();
      await nextFrame();
      load(content, f.name);
    } catch {
      setError(dataProblemMessage(t, 'unreadable', f.name));
    } finally {
      setReading(null);
    }
  };

  const onPaste = async () => {
    setReading(t('data.csv.paste'));
    await nextFrame();
    try {
      load(text, 'pasted.csv');
    } finally {
      setReading(null);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };

  const columns = CSV_COLUMNS[kind].join(',');
  return (
    <div className="csv-import" id={id} role="group" aria-labelledby={titleId} data-testid="csv-import" onKeyDown={onKey}>
      <h4 className="sub-title" id={titleId}>
        {t('data.csv.title')}
      </h4>
      <p className="hint">{t(kind === 'regression' ? 'data.csv.columnsRegression' : 'data.csv.columnsClassification')}</p>
      <p className="hint">{t('data.csv.format')}</p>
      <p className="hint">{t('data.csv.limits', { min: MIN_CSV_ROWS, maxRows: nf.format(DEFAULT_MAX_ROWS), maxSize: mib(DEFAULT_MAX_BYTES, i18n.language) })}</p>
      <label className="csv-import__field">
        <span>{t('data.csv.file')}</span>
        <input
          ref={file}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          data-testid="csv-file"
          disabled={reading !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      <label className="csv-import__field">
        <span>{t('data.csv.paste')}</span>
        <textarea
          className="csv-import__text"
          data-testid="csv-paste"
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder={`${columns}\n…`}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="csv-import__actions">
        <button type="button" className="btn btn--primary" data-testid="csv-apply" disabled={text.trim() === '' || reading !== null} onClick={() => void onPaste()}>
          {t('data.csv.apply')}
        </button>
        <button type="button" className="btn" data-testid="csv-close" onClick={onClose}>
          {t('data.csv.close')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {reading !== null ? t('data.csv.reading', { name: reading }) : ''}
      </p>
      {error && (
        <div className="csv-import__error" role="alert" id={errorId} data-testid="csv-error" data-line={error.line}>
          <p>{error.text}</p>
          <p className="hint">{t('data.csv.kept')}</p>
        </div>
      )}
    </div>
  );
}

/** The data source of a dataset objective and the import control; only for dataset objectives. */
export function DataSource({ kind }: { kind: DatasetKind }) {
  const { t, i18n } = useTranslation();
  const objective = useApp(selectObjective);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const imported = importedSamples(objective.id, objective.params);
  const nf = new Intl.NumberFormat(i18n.language);

  // The panel's controls vanish with it: focus goes back to the button that opened it.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="data-source" data-testid="data-source" data-imported={imported ? 'true' : 'false'}>
      <div role="status" className="data-source__summary">
        {imported && (
          <p data-testid="csv-summary" data-rows={imported.n}>
            {t('data.yours', { name: imported.source.kind === 'csv' ? imported.source.name : '', rows: nf.format(imported.n) })}
          </p>
        )}
      </div>
      {imported && <p className="hint">{t('data.yoursNote')}</p>}
      <div className="data-source__actions">
        <button
          ref={toggle}
          type="button"
          className="btn btn--small"
          data-testid="csv-import-open"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen(!open)}
        >
          {t('data.csv.open')}
        </button>
        {imported && (
          <button type="button" className="btn btn--small" data-testid="csv-generated" onClick={() => applyGeneratedData(appStore)}>
            {t('data.useGenerated')}
          </button>
        )}
      </div>
      {open && <ImportPanel id={panelId} kind={kind} onClose={close} />}
    </div>
  );
}
