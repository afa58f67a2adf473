/**
 * The Lessons section of the control panel: the built-in lessons as a numbered list of
 * buttons (five fit without scrolling, and a teacher sees every title at once). The open
 * lesson is pressed; picking one, or picking it again, starts its race from the beginning.
 */
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../core/lessons';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { loadLesson } from './loadLesson';

const selectLesson = (s: AppState) => s.lessonId;

export function LessonPicker() {
  const { t } = useTranslation();
  const active = useApp(selectLesson);
  return (
    <ol className="lesson-list" aria-label={t('lessons.pick')} data-testid="lesson-picker">
      {LESSONS.map((l, i) => (
        <li key={l.id}>
          <button
            type="button"
            className={l.id === active ? 'lesson-list__btn is-on' : 'lesson-list__btn'}
            aria-pressed={l.id === active}
            data-testid={`lesson-option-${l.id}`}
            onClick={() => loadLesson(appStore, l.id)}
          >
            <span className="lesson-list__num" aria-hidden="true">
              {i + 1}
            </span>
            <span className="lesson-list__title">{t(l.titleKey)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
