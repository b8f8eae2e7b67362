import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Badge } from '../../../ui/badge';
import { Icon } from '../../../ui/icons';
import { groupByPart } from './course-outline';
import type { ShellCourse, WeekItem } from './course-shell';
import { ModuleOpening } from './module-opening';

type Module = ShellCourse['modules'][number];

interface Props {
  course: ShellCourse;
  /** The lesson the member continues with, marked "Up next". */
  nextLessonId?: string | null;
  /** The weeks' other items (assignments), listed after each week's lessons. */
  weekItems?: WeekItem[];
  timeZone: string;
  language: string;
  /** Shown at the foot of each open week (saving it for offline). */
  weekFooter?: (moduleId: string) => ReactNode;
}

/**
 * The course's weeks on its home page, grouped by part: each a card that opens on its lessons (ticked when
 * done). A learner finds the weeks with something left to read open and finished ones folded; locked weeks
 * say when they open. `#week-<id>` in the address (the breadcrumbs' week) opens that week and shows it.
 */
export function CourseWeeks({ course, ...props }: Props) {
  const groups = groupByPart(course.modules);
  const hasParts = groups.some((group) => group.part);
  return (
    <div className="course-weeks">
      {groups.map((group, index) =>
        group.part ? (
          <section key={`${group.part}-${index}`} className="course-weeks-part" aria-labelledby={`part-${index}`}>
            <h2 id={`part-${index}`} className="course-weeks-part-title" lang={course.language}>
              {group.part}
            </h2>
            <WeekList modules={group.modules} level={3} course={course} {...props} />
          </section>
        ) : (
          <WeekList key={`none-${index}`} modules={group.modules} level={hasParts ? 3 : 2} course={course} {...props} />
        ),
      )}
    </div>
  );
}

function WeekList({ modules, ...props }: Omit<Props, 'course'> & { course: ShellCourse; modules: Module[]; level: 2 | 3 }) {
  return (
    <ol className="week-list">
      {modules.map((module) => (
        <WeekCard key={module.id} module={module} {...props} />
      ))}
    </ol>
  );
}

function WeekCard({ module, level, course, nextLessonId, weekItems = [], timeZone, language, weekFooter }: Omit<Props, 'course'> & { course: ShellCourse; module: Module; level: 2 | 3 }) {
  const { t } = useTranslation('courses');
  const { hash } = useLocation();
  const card = useRef<HTMLLIElement>(null);
  const enrollment = course.myEnrollment;
  const learner = enrollment?.role === 'LEARNER';
  const lessons = [...module.lessons].sort((a, b) => a.position - b.position);
  const done = lessons.filter((lesson) => lesson.completed).length;
  const anchor = `week-${module.id}`;
  const items = weekItems.filter((item) => item.moduleId === module.id);
  const targeted = hash === `#${anchor}`;
  const [open, setOpen] = useState(() => targeted || !learner || enrollment?.status === 'COMPLETED' || done < lessons.length);

  useEffect(() => {
    if (!targeted) return;
    setOpen(true);
    card.current?.scrollIntoView({ block: 'start' });
  }, [targeted]);

  const Heading = level === 2 ? 'h2' : 'h3';
  const minutes = lessons.reduce((sum, lesson) => sum + (lesson.estimatedMinutes ?? 0), 0);
  const meta = (
    <span className="week-meta">
      <span>{t('outline.lessonCount', { count: module.lessonCount })}</span>
      {minutes > 0 && <span>{t('lesson.minutes', { count: minutes })}</span>}
      {learner && lessons.length > 0 &&
        (done === lessons.length ? (
          <Badge tone="success">{t('home.weekDone')}</Badge>
        ) : (
          <span>{t('home.weekProgress', { done, total: lessons.length })}</span>
        ))}
    </span>
  );
  const opening = module.locked && module.opensAt && (
    <p className="week-opens">
      <Icon name="lock" size={16} />
      <ModuleOpening opensAt={module.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
    </p>
  );

  // Locked for this reader: nothing to open, only what is coming and when.
  if (lessons.length === 0 && items.length === 0) {
    return (
      <li id={anchor} ref={card} className={module.locked ? 'week-card week-locked' : 'week-card'}>
        <div className="week-summary">
          <span className="week-summary-text">
            <Heading className="week-title" lang={course.language}>
              {module.title}
            </Heading>
            {meta}
          </span>
        </div>
        {opening}
      </li>
    );
  }

  return (
    <li id={anchor} ref={card} className="week-card">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="week-summary">
          <span className="week-summary-text">
            <Heading className="week-title" lang={course.language}>
              {module.title}
            </Heading>
            {meta}
          </span>
          <Icon name="chevronDown" />
        </summary>
        {opening}
        <ol className="week-lessons">
          {lessons.map((lesson) => (
            <li key={lesson.id} className={lesson.completed ? 'week-lesson week-lesson-done' : 'week-lesson'}>
              <span className="week-lesson-mark" aria-hidden="true">
                {lesson.completed && <Icon name="check" size={14} />}
              </span>
              <span className="week-lesson-text">
                <Link to={`/courses/${course.slug}/lessons/${lesson.id}`} lang={course.language}>
                  {lesson.title}
                </Link>
                <span className="week-lesson-meta">
                  {lesson.id === nextLessonId && <Badge tone="accent">{t('home.upNext')}</Badge>}
                  {lesson.estimatedMinutes != null && <span>{t('lesson.minutes', { count: lesson.estimatedMinutes })}</span>}
                  {lesson.completed && <span className="week-lesson-completed">{t('outline.completed')}</span>}
                </span>
              </span>
            </li>
          ))}
          {items.map((item) => (
            <li key={item.id} className="week-lesson week-item">
              <span className="week-lesson-mark week-item-mark" aria-hidden="true" />
              <span className="week-lesson-text">
                <Link to={item.to} lang={course.language}>
                  {item.title}
                </Link>
                <span className="week-lesson-meta">{item.badge}</span>
              </span>
            </li>
          ))}
        </ol>
        {weekFooter?.(module.id)}
      </details>
    </li>
  );
}
