import type { CourseQuery } from '@kapwa/graphql';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManageCourse, useViewer } from '../../../app/use-viewer';
import { Breadcrumbs, type Crumb } from '../../../ui/breadcrumbs';
import { CourseFacts } from './course-badges';
import { CourseNav } from './course-nav';
import { ProgressBar } from './progress-bar';
import './course-shell.css';

export type ShellCourse = NonNullable<CourseQuery['course']>;
/** Reading pages (a lesson, an assignment) keep the header short: their own title is the page's heading. */
export type ShellSection = 'overview' | 'sessions' | 'assignments' | 'grading' | 'gradebook' | 'lesson' | 'assignment';

/**
 * Something of a week besides its lessons, listed after them in the outline and on the course's home
 * (an assignment, with its status). Without a week (`moduleId` null) it is listed after the weeks.
 */
export interface WeekItem {
  id: string;
  moduleId: string | null;
  title: string;
  to: string;
  /** Its state, e.g. a badge "Submitted". */
  badge?: ReactNode;
  /** What the state says, for screen readers where the badge is left out. */
  status?: string;
}

interface Props {
  course: ShellCourse;
  section: ShellSection;
  /** On a lesson page: the lesson, for the breadcrumbs and the outline's mark. */
  lesson?: { id: string; title: string; module: { id: string; title: string } };
  /** On an assignment's pages: the assignment, for the breadcrumbs and the outline's mark. */
  assignment?: { id: string; title: string };
  /** The weeks' other items (assignments), in the outline. */
  weekItems?: WeekItem[];
  /** Beside the page on wide screens, below it on phones. Without it: the outline, on wide screens only. */
  aside?: ReactNode;
  children: ReactNode;
}

/**
 * One frame for every page of a course its members use: where they are (breadcrumbs), the course and
 * their progress, its sections (overview, live sessions), and on wide screens its weeks and lessons in a
 * sidebar that scrolls on its own. A lesson page keeps the header short (the lesson's title is the page's
 * heading) and puts the course's title and sections at the top of the sidebar; phones reach the outline
 * from the lesson's switcher (LessonSwitcher).
 */
export function CourseShell({ course, section, lesson, assignment, weekItems, aside, children }: Props) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const enrollment = course.myEnrollment;
  const home = `/courses/${course.slug}`;
  const reading = section === 'lesson' || section === 'assignment';

  const crumbs: Crumb[] = [{ label: t('catalogue.title'), to: '/courses' }];
  if (section === 'overview') crumbs.push({ label: course.title, lang: course.language });
  else crumbs.push({ label: course.title, lang: course.language, to: home });
  if (section === 'sessions') crumbs.push({ label: t('shell.sessions') });
  if (section === 'assignments' && !assignment) crumbs.push({ label: t('shell.assignments') });
  if (section === 'grading' || section === 'gradebook') crumbs.push({ label: t(`shell.${section}`) });
  if (assignment) {
    crumbs.push({ label: t('shell.assignments'), to: `${home}/assignments` });
    crumbs.push({ label: assignment.title, lang: course.language });
  }
  if (lesson) {
    crumbs.push({ label: lesson.module.title, lang: course.language, to: `${home}#week-${lesson.module.id}` });
    crumbs.push({ label: lesson.title, lang: course.language });
  }

  return (
    <div className={`course-shell course-shell-${section}`}>
      <header className="course-shell-head">
        <Breadcrumbs label={t('shell.breadcrumbs')} items={crumbs} />
        {!reading && (
          <>
            <div className="course-shell-heading">
              <div className="course-shell-title">
                {/* The course's words in the course's language (a Thai course under an English interface is read in Thai). */}
                <h1 id="page-title" lang={course.language}>
                  {course.title}
                </h1>
                <CourseFacts course={course} timeZone={timeZone} language={language} />
              </div>
              {enrollment?.role === 'LEARNER' && <ProgressBar progress={enrollment.progress} lessonCount={course.lessonCount} />}
            </div>
            <CourseSections course={course} section={section} />
          </>
        )}
      </header>
      <div className="course-shell-body">
        <div className="course-shell-main">{children}</div>
        {aside ? (
          <div className="course-shell-aside">{aside}</div>
        ) : (
          <div className="course-shell-aside course-shell-outline">
            {reading && <CourseNavHead course={course} />}
            <CourseNav course={course} currentLessonId={lesson?.id ?? assignment?.id} weekItems={weekItems} timeZone={timeZone} language={language} />
          </div>
        )}
      </div>
    </div>
  );
}

type SectionCourse = Pick<ShellCourse, 'slug'> & { myEnrollment?: { role: string } | null };

/**
 * The course's sections, as links (each is its own page): the one shown is marked. Members (and admins)
 * have its assignments; its trainers and admins also grading and the gradebook.
 */
export function CourseSections({ course, section }: { course: SectionCourse; section: ShellSection }) {
  const { t } = useTranslation('courses');
  const { isAdmin } = useViewer();
  const base = `/courses/${course.slug}`;
  const items: { id: ShellSection; to: string; label: string }[] = [
    { id: 'overview', to: base, label: t('shell.overview') },
    { id: 'sessions', to: `${base}/sessions`, label: t('shell.sessions') },
  ];
  if (course.myEnrollment || isAdmin) items.push({ id: 'assignments', to: `${base}/assignments`, label: t('shell.assignments') });
  if (canManageCourse(isAdmin, course.myEnrollment)) {
    items.push({ id: 'grading', to: `${base}/grading`, label: t('shell.grading') });
    items.push({ id: 'gradebook', to: `${base}/gradebook`, label: t('shell.gradebook') });
  }
  return (
    <nav className="course-sections" aria-label={t('shell.sections')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={item.to} aria-current={item.id === section ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Above the outline while reading: the course it belongs to, and its other sections. */
export function CourseNavHead({ course }: { course: Pick<ShellCourse, 'slug' | 'title' | 'language' | 'myEnrollment'> }) {
  return (
    <div className="course-nav-head">
      <p className="course-nav-course">
        <Link to={`/courses/${course.slug}`} lang={course.language}>
          {course.title}
        </Link>
      </p>
      <CourseSections course={course} section="lesson" />
    </div>
  );
}
