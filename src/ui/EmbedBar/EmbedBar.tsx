/**
 * Embed mode's only chrome (embed=1, an iframe in slides or a course page): the name and a link
 * that opens the same experiment in the full app, in a new tab.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { linkStateOf } from '../share/linkOfStore';
import { linkFor } from '../share/links';

const selectEmbed = (s: AppState) => s.embed;
const selectResolved = (s: AppState) => s.resolved;

export function EmbedBar() {
  const { t } = useTranslation();
  const embed = useApp(selectEmbed);
  useApp(selectResolved);
  if (!embed) return null;
  const state = linkStateOf(appStore.getState());
  const full = linkFor(window.location.href.split('#')[0], { ...state, mode: { ...state.mode, embed: false } });
  return (
    <div className="embed-bar" data-testid="embed-bar">
      <span className="embed-bar__name">{t('app.title')}</span>
      <a className="embed-bar__open" href={full} target="_blank" rel="noopener" data-testid="embed-open">
        {t('share.openFull')} ↗
      </a>
    </div>
  );
}
