/**
 * The header's Export menu: the experiment as JSON (and importing one), the surface and the
 * loss chart as PNG or SVG, trajectories and loss curves as CSV. A menu button (WAI-ARIA APG):
 * Enter, Space or ↓ open it on the first item, ↑ on the last; ↑ ↓ Home End move, Escape closes
 * and returns focus to the button, Tab closes. Import results and export failures show in one
 * message below the header.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../../store/store';
import { Icon } from '../Icon/Icon';
import { ExportFailure, runExport, type ExportAction } from '../export/actions';
import { MAX_EXPERIMENT_BYTES, readExperimentFile, tooLarge } from '../export/experimentFile';

type ItemId = ExportAction | 'import';

/** Menu items in order; null is a separator. */
const ITEMS: readonly (ItemId | null)[] = ['experiment', 'import', null, 'surface-png', 'surface-svg', 'loss-png', 'loss-svg', null, 'trajectories', 'loss-curves'];

const LABEL: Readonly<Record<ItemId, string>> = {
  experiment: 'export.experimentJson',
  import: 'export.importExperiment',
  'surface-png': 'export.surfacePng',
  'surface-svg': 'export.surfaceSvg',
  'loss-png': 'export.lossPng',
  'loss-svg': 'export.lossSvg',
  trajectories: 'export.trajectoriesCsv',
  'loss-curves': 'export.lossCurvesCsv',
};

/** What the message says: a refusal or failure, a partial import with what was ignored, or done. */
interface Message {
  readonly kind: 'error' | 'partial' | 'ok';
  readonly text: string;
  readonly ignored?: readonly { readonly field: string; readonly detail: string }[];
}

/** The file size limit as the message writes it. */
const MAX_SIZE_TEXT = `${MAX_EXPERIMENT_BYTES / 1024 / 1024} MB`;
/** Ignored parts listed at most; the rest are counted. */
const MAX_LISTED = 8;

/** A success message goes away by itself; a refusal or a partial import stays until dismissed. */
const OK_MESSAGE_MS = 6000;

/** Download tray: the Icon set has no export glyph, and Icon.tsx is shared. */
function ExportIcon() {
  return (
    <svg className="gs-icon" width={20} height={20} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5M5 15v4h14v-4" />
    </svg>
  );
}

/** One ignored part: the field as code, then why (a detail usually starts with its field). */
function IgnoredPart({ field, detail }: { field: string; detail: string }) {
  if (field === '') return <>{detail}</>;
  const rest = detail.startsWith(field) ? detail.slice(field.length) : `: ${detail}`;
  return (
    <>
      <code>{field}</code>
      {rest}
    </>
  );
}

export function ExportMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'last' ? list[list.length - 1] : list[0])?.focus();
    // A press outside closes the menu (focus stays where the press put it).
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  useEffect(() => {
    if (message?.kind !== 'ok') return;
    const timer = setTimeout(() => setMessage(null), OK_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const openAt = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setOpen(true);
  };

  const choose = (id: ItemId) => {
    close(true);
    if (id === 'import') {
      file.current?.click();
      return;
    }
    setMessage(null);
    runExport(id, appStore.getState(), t).catch((e: unknown) => {
      const key = e instanceof ExportFailure ? e.key : 'export.failed';
      setMessage({ kind: 'error', text: t(key, { detail: e instanceof Error ? e.message : String(e) }) });
    });
  };

  const onFile = async (f: File | undefined) => {
    if (file.current) file.current.value = ''; // choosing the same file again fires change again
    if (!f) return;
    const name = f.name;
    if (tooLarge(f.size)) {
      const size = `${(f.size / 1024 / 1024).toFixed(1)} MB`;
      setMessage({ kind: 'error', text: t('export.tooLarge', { file: name, size, max: MAX_SIZE_TEXT }) });
      return;
    }
    let text: string;
    try {
      text = await f.text();
    } catch {
      setMessage({ kind: 'error', text: t('export.unreadable', { file: name }) });
      return;
    }
    const r = readExperimentFile(text);
    if (!r.ok) {
      const key = r.reason === 'tooLarge' ? 'export.tooLarge' : r.reason === 'notJson' ? 'export.notJson' : 'export.invalid';
      setMessage({ kind: 'error', text: t(key, { file: name, detail: r.detail, size: `${(text.length / 1024 / 1024).toFixed(1)} MB`, max: MAX_SIZE_TEXT }) });
      return;
    }
    appStore.getState().loadExperiment(r.experiment, null);
    setMessage(
      r.notices.length > 0
        ? { kind: 'partial', text: t('export.importedPartly', { file: name }), ignored: r.notices.map((n) => ({ field: n.field, detail: n.detail })) }
        : { kind: 'ok', text: t('export.imported', { file: name }) },
    );
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(list.length - 1),
      Escape: () => close(true),
    };
    if (e.key === 'Tab') {
      close(false);
      return;
    }
    // While the menu has focus, its keys are its own: the page's shortcuts (→ steps, r resets,
    // Escape closes the drawer) must not act behind it.
    e.stopPropagation();
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    e.stopPropagation();
    openAt(e.key === 'ArrowUp' ? 'last' : 'first');
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="btn btn--small export-menu__button"
        data-testid="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('export.menuLabel')}
        title={t('export.menuLabel')}
        onClick={() => (open ? close(true) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        <ExportIcon />
        <span className="export-menu__text">{t('export.menu')}</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} className="export-menu__list" role="menu" aria-label={t('export.menuLabel')} data-testid="export-menu-list" onKeyDown={onMenuKey}>
          {ITEMS.map((id, i) =>
            id === null ? (
              <li key={`sep-${i}`} role="separator" className="export-menu__sep" />
            ) : (
              <li key={id} role="none">
                <button type="button" role="menuitem" tabIndex={-1} className="export-menu__item" data-testid={`export-${id}`} onClick={() => choose(id)}>
                  {t(LABEL[id])}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="export-menu__file"
        data-testid="import-file"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {message && (
        <div className={`export-message export-message--${message.kind}`} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="import-message" data-kind={message.kind}>
          <div className="export-message__body">
            <p className="export-message__text">{message.text}</p>
            {message.ignored && (
              <ul className="export-message__list">
                {message.ignored.slice(0, MAX_LISTED).map((n, i) => (
                  <li key={i}>
                    <IgnoredPart field={n.field} detail={n.detail} />
                  </li>
                ))}
                {message.ignored.length > MAX_LISTED && <li>{t('export.more', { count: message.ignored.length - MAX_LISTED })}</li>}
              </ul>
            )}
          </div>
          <button type="button" className="icon-btn" aria-label={t('export.dismiss')} data-testid="import-message-close" onClick={() => setMessage(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
