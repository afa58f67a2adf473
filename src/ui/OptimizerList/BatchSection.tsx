/**
 * A run's batch regime on a dataset objective: the whole data each step (gradient descent),
 * a mini-batch of B samples, or one sample (stochastic gradient descent), drawn from shuffled
 * epochs or with replacement. For SAG it also says how much memory its table of per-sample
 * gradients takes. A change starts the race again (src/store/experimentSlice.ts setBatch).
 */
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BATCH, MAX_SEEDS, type BatchConfig } from '../../core/experiment';
import { sagMemoryBytes } from '../../core/finiteSum';
import type { RunDraft } from '../../store/draft';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { NumberField } from '../NumberField/NumberField';
import { boundOf } from '../SurfacePanel/surfaceState';

type Regime = 'full' | 'mini' | 'sgd';

// The samples of the data in use: generated (params.n) or imported (its own row count).
const selectSamples = (s: AppState) => boundOf(s).bound.dataset?.n ?? 0;

function regimeOf(b: BatchConfig): Regime {
  return b.size === 0 ? 'full' : b.size === 1 ? 'sgd' : 'mini';
}

/** Bytes as "9.4 KB" / "7.6 MB". */
function bytesText(b: number): string {
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KB`;
  return `${(b / 1024 / 1024).toFixed(1)} MB`;
}

/** The default mini-batch: 32, or the data's size when smaller. */
const MINI_DEFAULT = 32;

export const BatchSection = memo(function BatchSection({ run }: { run: RunDraft }) {
  const { t } = useTranslation();
  const id = useId();
  const n = useApp(selectSamples);
  const batch = run.batch ?? DEFAULT_BATCH;
  const regime = regimeOf(batch);
  const s = appStore.getState();
  const set = (patch: Partial<BatchConfig>) => s.setBatch(run.uid, { ...batch, ...patch });
  const onRegime = (r: Regime) => set({ size: r === 'full' ? 0 : r === 'sgd' ? 1 : Math.max(2, Math.min(MINI_DEFAULT, n)) });

  return (
    <div className="batch" data-testid="batch">
      <div className="batch__row">
        <label htmlFor={`${id}-regime`}>{t('batch.regime')}</label>
        <select id={`${id}-regime`} data-testid="batch-regime" value={regime} onChange={(e) => onRegime(e.target.value as Regime)}>
          <option value="full">{t('batch.full')}</option>
          <option value="mini">{t('batch.mini')}</option>
          <option value="sgd">{t('batch.sgd')}</option>
        </select>
      </div>
      {regime === 'mini' && (
        <NumberField
          testBase="batch-size"
          label={t('batch.size')}
          value={batch.size}
          spec={{ min: 2, max: Math.max(2, n), scale: 'log', kind: 'int' }}
          onCommit={(v) => set({ size: v })}
        />
      )}
      {regime !== 'full' && (
        <div className="batch__row">
          <label htmlFor={`${id}-sampling`}>{t('batch.sampling')}</label>
          <select id={`${id}-sampling`} data-testid="batch-sampling" value={batch.sampling} onChange={(e) => set({ sampling: e.target.value as BatchConfig['sampling'] })}>
            <option value="shuffle">{t('batch.shuffle')}</option>
            <option value="replacement">{t('batch.replacement')}</option>
          </select>
        </div>
      )}
      {regime !== 'full' && (
        <>
          <NumberField
            testBase="batch-seeds"
            label={t('batch.seeds')}
            value={batch.seeds}
            spec={{ min: 1, max: MAX_SEEDS, scale: 'log', kind: 'int' }}
            onCommit={(v) => set({ seeds: v })}
          />
          {batch.seeds > 1 && (
            <p className="batch__hint" data-testid="seeds-hint">
              {t('batch.seedsHint', { seeds: batch.seeds.toLocaleString(), cost: (batch.seeds * (n + batch.size)).toLocaleString() })}
            </p>
          )}
        </>
      )}
      {run.optimizer === 'sag' && (
        <p className="batch__hint" data-testid="sag-memory">
          {t('batch.sagMemory', { n: n.toLocaleString(), size: bytesText(sagMemoryBytes(n, 'f64')) })}
        </p>
      )}
    </div>
  );
});
