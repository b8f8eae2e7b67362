import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { useViewer } from '../../../app/use-viewer';
import { Dialog } from '../../../ui/dialog';
import { Icon } from '../../../ui/icons';
import { lessonPlace } from '../course-navigation';
import { CourseNav } from './course-nav';
import { CourseNavHead, type ShellCourse, type WeekItem } from './course-shell';

type Neighbour = { id: string; title: string } | null;

interface Props {
  course: ShellCourse;
  lessonId: string;
  previous: Neighbour;
  next: Neighbour;
  /** The weeks' other items (assignments), in the outline. */
  weekItems?: WeekItem[];
}

/**
 * Phones and narrow windows (where the outline has no sidebar): a bar that stays at the top of the screen
 * while the lesson scrolls, with the previous and next lesson on either side and, between them,
 * "Week 2 · Lesson 3 of 5", which opens the whole outline. Nobody scrolls back up to move on.
 */
export function LessonSwitcher({ course, lessonId, previous, next, weekItems }: Props) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const [open, setOpen] = useState(false);

  const place = lessonPlace(course.modules, lessonId);
  const lessonPath = (id: string) => `/courses/${course.slug}/lessons/${id}`;
  const lang = course.language;

  return (
    <div className="lesson-bar">
      <Step rel="prev" lesson={previous} to={previous && lessonPath(previous.id)} label={t('nav.previousLesson')} lang={lang} />
      <button type="button" className="lesson-bar-switch" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span className="lesson-bar-place">
          {place
            ? t('nav.position', { unit: t(`nav.unit.${course.kind}`, { number: place.moduleNumber }), lesson: place.lessonNumber, total: place.lessonsInModule })
            : t('nav.outline')}
        </span>
        <span className="visually-hidden">: {t('nav.openOutline')}</span>
        <Icon name="chevronDown" size={16} />
      </button>
      <Step rel="next" lesson={next} to={next && lessonPath(next.id)} label={t('nav.nextLesson')} lang={lang} />
      <Dialog open={open} title={t('nav.outline')} closeLabel={t('nav.close')} onClose={() => setOpen(false)}>
        {/* Choosing a lesson closes the outline as the lesson opens, so focus goes on to the lesson's title. */}
        <div onClick={(event) => (event.target as HTMLElement).closest('a') && setOpen(false)}>
          <CourseNavHead course={course} />
          <CourseNav course={course} currentLessonId={lessonId} weekItems={weekItems} timeZone={timeZone} language={language} focusCurrent />
        </div>
      </Dialog>
    </div>
  );
}

/**
 * At the end of the lesson, where reading stops: the previous and the next lesson by name. After the last
 * open lesson, when the next week opens (if one is waiting), and the way back to the course.
 */
export function LessonPager({ slug, previous, next, lang, after }: { slug: string; previous: Neighbour; next: Neighbour; lang: string; after?: ReactNode }) {
  const { t } = useTranslation('courses');
  return (
    <nav className="lesson-pager" aria-label={t('lesson.navLabel')}>
      {previous ? (
        <Link rel="prev" to={`/courses/${slug}/lessons/${previous.id}`} className="lesson-pager-link lesson-pager-previous">
          <span className="lesson-pager-direction">
            <Icon name="chevronLeft" size={16} />
            {t('lesson.previous')}
          </span>
          <span lang={lang}>{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link rel="next" to={`/courses/${slug}/lessons/${next.id}`} className="lesson-pager-link lesson-pager-next">
          <span className="lesson-pager-direction">
            {t('lesson.next')}
            <Icon name="chevronRight" size={16} />
          </span>
          <span lang={lang}>{next.title}</span>
        </Link>
      ) : (
        <div className="lesson-pager-end">
          {after}
          <Link to={`/courses/${slug}`}>{t('lesson.backToCourse')}</Link>
        </div>
      )}
    </nav>
  );
}

/** One step of the bar: a link to the previous or next lesson, or a space that keeps the bar's shape. */
function Step({ rel, lesson, to, label, lang }: { rel: 'prev' | 'next'; lesson: { title: string } | null | undefined; to: string | null | undefined; label: string; lang: string }) {
  if (!lesson || !to) return <span className="lesson-bar-step" aria-hidden="true" />;
  return (
    <Link className="lesson-bar-step" rel={rel} to={to}>
      <Icon name={rel === 'prev' ? 'chevronLeft' : 'chevronRight'} />
      <span className="visually-hidden">
        {label}
        <HiddenItemName name={lesson.title} lang={lang} />
      </span>
    </Link>
  );
}
