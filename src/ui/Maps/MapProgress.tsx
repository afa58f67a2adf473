/** A map job's progress bar, its Cancel button, and what the last job measured. */
import { useTranslation } from 'react-i18next';
import type { MapJobState } from './useMapJob';

export function MapProgress({ job, runs, onCancel }: { job: MapJobState; runs: number; onCancel(): void }) {
  const { t } = useTranslation();
  const pct = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  return (
    <div className="maps__progress" data-testid="map-progress" data-running={job.running ? '1' : '0'} aria-live="polite">
      {job.running && (
        <>
          <progress max={job.total} value={job.done} aria-label={t('maps.progress')} data-testid="map-progress-bar" />
          <span>{t('maps.stepOf', { done: job.done.toLocaleString(), total: job.total.toLocaleString(), pct })}</span>
          <button type="button" className="btn" data-testid="map-cancel" onClick={onCancel}>
            {t('maps.cancel')}
          </button>
        </>
      )}
      {!job.running && job.error && (
        <span className="maps__error" role="alert" data-testid="map-error">
          {t('maps.error', { message: job.error })}
        </span>
      )}
      {!job.running && !job.error && job.cancelled && <span data-testid="map-cancelled">{t('maps.cancelled')}</span>}
      {!job.running && !job.error && !job.cancelled && job.total > 0 && (
        <span data-testid="map-done">
          {t('maps.done', { runs: runs.toLocaleString(), steps: job.done.toLocaleString(), seconds: (job.ms / 1000).toFixed(1), engine: job.engine })}
        </span>
      )}
    </div>
  );
}
