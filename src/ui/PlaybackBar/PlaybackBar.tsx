/** Play/pause, single step, reset, speed and the step counter. */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { SPEEDS } from '../../store/playback';
import { Icon } from '../Icon/Icon';
import { useThrottledApp } from '../hooks/useThrottledApp';

const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const selectStep = (s: AppState) => s.step;
const selectBudget = (s: AppState) => s.resolved.steps;

export function PlaybackBar() {
  const { t, i18n } = useTranslation();
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const budget = useApp(selectBudget);
  const step = useThrottledApp(selectStep, 100);
  const s = appStore.getState();
  const nf = new Intl.NumberFormat(i18n.language);
  const progress = budget > 0 ? Math.min(1, step / budget) : 0;

  return (
    <div className="playback" role="toolbar" aria-label={t('playback.speed')}>
      <div className="playback__buttons">
        {playing ? (
          <button type="button" className="btn btn--primary btn--icon-text" data-testid="pause" onClick={() => s.pause()} aria-keyshortcuts="Space">
            <Icon name="pause" />
            {t('playback.pause')}
          </button>
        ) : (
          <button type="button" className="btn btn--primary btn--icon-text" data-testid="play" onClick={() => s.play()} aria-keyshortcuts="Space">
            <Icon name="play" />
            {t('playback.play')}
          </button>
        )}
        <button type="button" className="btn" data-testid="step" onClick={() => s.stepOnce()} aria-keyshortcuts="ArrowRight">
          <Icon name="step" />
          <span className="btn__text">{t('playback.step')}</span>
        </button>
        <button type="button" className="btn" data-testid="reset" onClick={() => s.reset()} aria-keyshortcuts="R">
          <Icon name="reset" />
          <span className="btn__text">{t('playback.reset')}</span>
        </button>
      </div>
      <div className="playback__progress">
        <span className="playback__counter" data-testid="step-counter" data-step={step} aria-live="off">
          {t('playback.stepOf', { step: nf.format(step), total: nf.format(budget) })}
        </span>
        <div className="progress" aria-hidden="true">
          <div className="progress__bar" style={{ width: `${progress * 100}%` }} />
        </div>
      </div>
      <label className="playback__speed">
        <span>{t('playback.speed')}</span>
        <select data-testid="speed" value={speed} onChange={(e) => s.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {`${v}×`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
