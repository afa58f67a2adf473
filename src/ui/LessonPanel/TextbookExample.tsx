/**
 * The textbook worked example on its lesson card: the setting (read from the very config the
 * CLI example uses, TRAINING_DEFAULTS), then the per-epoch table "epoch | momentum loss | GD
 * loss" computed live in the browser by the pure core, with the first epoch each method gets
 * within 1% of the floor marked, and the command that prints the same numbers. The table
 * scrolls inside the card (both ways on a phone), never widening the page.
 */
import { useTranslation } from 'react-i18next';
import { TRAINING_DEFAULTS as EXAMPLE } from '../../core/training/config';
import { TEXTBOOK_COMMAND, type WorkedExample } from '../../core/training/workedExample';
import { Katex } from '../Katex/Katex';
import { formatLoss } from './formatLoss';
import { splitMath } from './mathText';
import { useWorkedExample } from './useWorkedExample';

/** Prose with `$…$` formulas, inline (the setting's values). */
function MathLine({ text }: { text: string }) {
  return (
    <>
      {splitMath(text).map((p, i) =>
        p.kind === 'math' ? (
          <span key={i} className="lesson-card__math">
            {p.lead}
            <Katex tex={p.value} />
            {p.tail}
          </span>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

function Setting() {
  const { t } = useTranslation();
  const e = EXAMPLE;
  const items: [string, string][] = [
    ['model', t('lessons.worked.modelValue', { p: e.parameters, d: e.parameters - 1 })],
    ['data', t('lessons.worked.dataValue', { n: e.samples, sigma: e.noise, seed: e.seed })],
    ['batches', t('lessons.worked.batchesValue', { batch: e.batch, steps: Math.ceil(e.samples / e.batch) })],
    ['hyper', t('lessons.worked.hyperValue', { lr: e.lr, beta: e.beta, epochs: e.epochs })],
  ];
  return (
    <dl className="worked__setting" aria-label={t('lessons.worked.setting')} data-testid="textbook-setting">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`lessons.worked.${key}`)}</dt>
          <dd>
            <MathLine text={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One loss cell; the first epoch within 1% of the floor is marked (and named for screen readers). */
function LossCell({ value, first }: { value: number; first: boolean }) {
  const { t } = useTranslation();
  return (
    <td className={first ? 'is-near-floor' : undefined} data-near-floor={first || undefined}>
      {first && (
        <span className="worked__mark" aria-hidden="true">
          ●
        </span>
      )}
      {formatLoss(value)}
      {first && <span className="sr-only"> ({t('lessons.worked.nearFloor')})</span>}
    </td>
  );
}

function Table({ example, ms }: { example: WorkedExample; ms: number }) {
  const { t } = useTranslation();
  const { momentum: m, gd } = example.firstNearFloor;
  return (
    <>
      <div className="worked__scroll" role="region" aria-labelledby="gs-worked-caption" tabIndex={0}>
        <table className="worked__table" data-testid="textbook-table" data-compute-ms={ms.toFixed(1)}>
          <caption id="gs-worked-caption">{t('lessons.worked.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lessons.worked.epoch')}</th>
              <th scope="col">{t('lessons.worked.momentum')}</th>
              <th scope="col">{t('lessons.worked.gd')}</th>
            </tr>
          </thead>
          <tbody>
            {example.rows.map((r) => (
              <tr key={r.epoch} data-testid="textbook-row">
                <th scope="row">{r.epoch}</th>
                <LossCell value={r.momentum} first={r.epoch === m} />
                <LossCell value={r.gd} first={r.epoch === gd} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="worked__note" data-testid="textbook-floor">
        <span className="worked__mark" aria-hidden="true">
          ●
        </span>
        {t('lessons.worked.floorNote', { floor: formatLoss(example.floor), momentum: m, gd })}
      </p>
    </>
  );
}

/** The worked example block of the `textbook_momentum` lesson card. */
export function TextbookExample() {
  const { t } = useTranslation();
  const result = useWorkedExample();
  return (
    <section className="worked" data-testid="worked-example" aria-labelledby="gs-worked-title">
      <h3 className="worked__title" id="gs-worked-title">
        {t('lessons.worked.heading')}
      </h3>
      <Setting />
      {result === null ? (
        <p className="worked__status" role="status">
          {t('lessons.worked.computing')}
        </p>
      ) : result.ok ? (
        <>
          <Table example={result.example} ms={result.ms} />
          <p className="worked__cli">
            {t('lessons.worked.reproduce')} <code>{TEXTBOOK_COMMAND}</code>
          </p>
        </>
      ) : (
        <p className="worked__status" role="alert">
          {t('lessons.worked.failed', { detail: result.message })}
        </p>
      )}
    </section>
  );
}
