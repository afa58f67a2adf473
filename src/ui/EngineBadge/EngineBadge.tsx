/**
 * Which engine runs (CPU or WebGPU, the adapter, a software-adapter warning), the measured
 * steps per second, and the Auto / GPU / CPU switch.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import type { EnginePreference } from '../../store/engineSlice';
import { useThrottledApp } from '../hooks/useThrottledApp';

const selectInfo = (s: AppState) => s.engineInfo;
const selectPref = (s: AppState) => s.enginePref;
const selectRate = (s: AppState) => Math.round(s.stepsPerSec);

const PREFS: readonly EnginePreference[] = ['auto', 'gpu', 'cpu'];

export function EngineBadge() {
  const { t, i18n } = useTranslation();
  const info = useApp(selectInfo);
  const pref = useApp(selectPref);
  const rate = useThrottledApp(selectRate, 500);
  const nf = new Intl.NumberFormat(i18n.language);

  return (
    <div className="engine">
      <div
        className={`engine-badge${info?.kind === 'gpu' ? ' engine-badge--gpu' : ''}${info?.software ? ' engine-badge--soft' : ''}`}
        data-testid="engine-badge"
        data-kind={info?.kind ?? ''}
        title={info ? `${info.adapter}${info.software ? ` — ${t('engine.software')}` : ''}` : undefined}
      >
        <span className="engine-badge__kind">{info ? t(`engine.${info.kind}`) : t('engine.starting')}</span>
        {info && (
          <span className="engine-badge__adapter" data-testid="engine-adapter">
            {info.workers !== undefined
              ? t('engine.cpuAdapter', { count: info.workers, precision: t(`engine.precision.${info.precision ?? 'f32'}`) })
              : info.adapter}
          </span>
        )}
        {info?.software && <span className="engine-badge__warn">{t('engine.software')}</span>}
        <span className="engine-badge__rate" data-testid="engine-rate">
          {t('engine.rate', { rate: nf.format(rate) })}
        </span>
      </div>
      <label className="engine__choose">
        <span className="sr-only">{t('engine.choose')}</span>
        <select
          data-testid="engine-select"
          value={pref}
          onChange={(e) => appStore.getState().setEnginePref(e.target.value as EnginePreference)}
        >
          {PREFS.map((p) => (
            <option key={p} value={p}>
              {p === 'auto' ? t('engine.auto') : t(`engine.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
