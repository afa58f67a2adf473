/**
 * The open lesson's card: which lesson it is, its title, its few sentences (inline formulas
 * in KaTeX), an optional display formula, an optional worked example (a table of numbers),
 * and a close button. It stays open while the teacher edits the race; closing it clears the
 * lesson (and so the lesson id in a share link).
 */
import { useTranslation } from 'react-i18next';
import { getLesson, isLessonId, LESSONS } from '../../core/lessons';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { Katex } from '../Katex/Katex';
import { splitMath } from './mathText';
import { TextbookExample } from './TextbookExample';

const selectLesson = (s: AppState) => s.lessonId;

/** The text with its inline formulas; a formula and the punctuation touching it never break apart. */
function LessonText({ text }: { text: string }) {
  return (
    <p className="lesson-card__text" data-testid="lesson-text">
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
    </p>
  );
}

export function LessonCard() {
  const { t } = useTranslation();
  const id = useApp(selectLesson);
  if (id === null || !isLessonId(id)) return null;
  const lesson = getLesson(id);
  const n = LESSONS.indexOf(lesson) + 1;
  return (
    <section className="card lesson-card" data-testid="lesson-card" data-lesson={id} aria-labelledby="gs-lesson-title">
      <div className="lesson-card__head">
        <div className="lesson-card__heading">
          <p className="lesson-card__kicker">{t('lessons.number', { n, total: LESSONS.length })}</p>
          <h2 className="lesson-card__title" id="gs-lesson-title" data-testid="lesson-title">
            {t(lesson.titleKey)}
          </h2>
        </div>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('lessons.close')}
          title={t('lessons.close')}
          data-testid="lesson-close"
          onClick={() => appStore.getState().setLesson(null)}
        >
          <Icon name="close" />
        </button>
      </div>
      <LessonText text={t(lesson.textKey)} />
      {lesson.tex && (
        <div className="lesson-card__formula" data-testid="lesson-formula">
          <Katex tex={lesson.tex} display />
        </div>
      )}
      {lesson.workedExample === 'textbook_momentum' && <TextbookExample />}
    </section>
  );
}
