/**
 * A run's status as a small chip: running, converged at step k, stalled at a stationary point
 * at step k (with a tooltip saying why that is not "converged"), diverged at step k (why).
 */
import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../core/experiment';

export function StatusChip({ status, testId = 'run-status' }: { status: RunStatus | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!status) return null;
  const text =
    status.kind === 'running'
      ? t('status.running')
      : status.kind === 'converged'
        ? t('status.converged', { step: status.step })
        : status.kind === 'stalled'
          ? t('status.stalled', { step: status.step })
          : t('status.diverged', { step: status.step, reason: t(`status.reason.${status.reason}`) });
  const title = status.kind === 'stalled' ? t('status.stalledHint') : undefined;
  return (
    <span className={`chip chip--${status.kind}`} data-testid={testId} data-status={status.kind} title={title}>
      {text}
    </span>
  );
}
