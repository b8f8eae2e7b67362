import type { CourseQuery } from '@kapwa/graphql';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../ui/icons';
import { groupByPart } from './course-outline';
import type { WeekItem } from './course-shell';
import { ModuleOpening } from './module-opening';

type Course = NonNullable<CourseQuery['course']>;

interface Props {
  course: Pick<Course, 'slug' | 'language' | 'timeZone' | 'modules'>;
  /** The lesson (or week item) being read: marked aria-current="page" and kept in view. */
  currentLessonId?: string;
  /** The weeks' other items (assignments), listed after each week's lessons. */
  weekItems?: WeekItem[];
  /** The reader's zone and language, for opening dates. */
  timeZone: string;
  language: string;
  /** Put keyboard focus on the current lesson when shown (the outline opened from the phone's switcher). */
  focusCurrent?: boolean;
}

/**
 * The course's weeks and their lessons as links, for moving around while reading: the sidebar on wide
 * screens, the switcher's dialog on phones. Completed lessons ticked; locked weeks say when they open.
 */
export function CourseNav({ course, currentLessonId, weekItems = [], timeZone, language, focusCurrent }: Props) {
  const { t } = useTranslation('courses');
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    const current = root.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!current) return;
    // After the dialog around it has opened (its effect runs after this one).
    const frame = requestAnimationFrame(() => {
      keepInView(current);
      if (focusCurrent) current.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [currentLessonId, focusCurrent]);

  return (
    <nav ref={root} className="course-nav" aria-label={t('nav.outline')}>
      {groupByPart(course.modules).map((group, index) => (
        <div key={`${group.part ?? ''}-${index}`} className="course-nav-part">
          {group.part && (
            <p className="course-nav-part-title" lang={course.language}>
              {group.part}
            </p>
          )}
          <ol className="course-nav-weeks">
            {group.modules.map((module) => {
              const lessons = [...module.lessons].sort((a, b) => a.position - b.position);
              const items = weekItems.filter((item) => item.moduleId === module.id);
              return (
                <li key={module.id} className={module.locked ? 'course-nav-week course-nav-locked' : 'course-nav-week'}>
                  <h3 className="course-nav-week-title" lang={course.language}>
                    {module.title}
                  </h3>
                  {module.locked && module.opensAt && (
                    <p className="course-nav-opens">
                      <Icon name="lock" size={16} />
                      <ModuleOpening opensAt={module.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
                    </p>
                  )}
                  {lessons.length > 0 && (
                    <ol className="course-nav-lessons">
                      {lessons.map((lesson) => (
                        <li key={lesson.id}>
                          <Link
                            to={`/courses/${course.slug}/lessons/${lesson.id}`}
                            className={lesson.completed ? 'course-nav-lesson course-nav-done' : 'course-nav-lesson'}
                            aria-current={lesson.id === currentLessonId ? 'page' : undefined}
                          >
                            <span className="course-nav-mark" aria-hidden="true">
                              {lesson.completed && <Icon name="check" size={14} />}
                            </span>
                            <span lang={course.language}>{lesson.title}</span>
                            {lesson.completed && <span className="visually-hidden">, {t('outline.completed')}</span>}
                          </Link>
                        </li>
                      ))}
                    </ol>
                  )}
                  <NavItems items={items} currentId={currentLessonId} lang={course.language} />
                </li>
              );
            })}
          </ol>
        </div>
      ))}
      {/* Items of no week (an assignment for the whole course) after the weeks. */}
      <NavItems items={weekItems.filter((item) => !item.moduleId || !course.modules.some((module) => module.id === item.moduleId))} currentId={currentLessonId} lang={course.language} />
    </nav>
  );
}

function NavItems({ items, currentId, lang }: { items: WeekItem[]; currentId?: string; lang: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="course-nav-lessons course-nav-items">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={item.to} className="course-nav-lesson course-nav-item" aria-current={item.id === currentId ? 'page' : undefined}>
            <span className="course-nav-item-text">
              <span lang={lang}>{item.title}</span>
              {item.badge}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Scrolls the nearest scrolling box around `element` (the sidebar, the dialog) to show it, never the page. */
function keepInView(element: HTMLElement) {
  let box = element.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box || box === document.documentElement || box === document.body) return;
  const item = element.getBoundingClientRect();
  const view = box.getBoundingClientRect();
  if (item.top < view.top || item.bottom > view.bottom) box.scrollTop += item.top - view.top - view.height / 3;
}
