import type { MyEnrollmentsQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { useViewer } from '../../../app/use-viewer';
import { LinkButton } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { Icon } from '../../../ui/icons';
import { ProgressRing } from '../../../ui/progress';
import { continueState, firstUnread, lessonPlace, type ContinueState } from '../course-navigation';
import type { ShellCourse } from './course-shell';
import { ModuleOpening } from './module-opening';

export interface NextLesson {
  id: string;
  title: string;
  /** Its week, named above it. */
  module?: { title: string } | null;
}

interface CourseForContinue {
  slug: string;
  language: string;
  timeZone: string;
}

/**
 * What to do next in a course: the next lesson under its week with "Continue" (or "Start" before any
 * is done); once every open lesson is read, that the next week is awaited and when it opens; or that
 * every lesson is done.
 */
export function ContinueAction({ state, course }: { state: ContinueState<NextLesson>; course: CourseForContinue }) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  if (state.kind === 'next') {
    const { lesson } = state;
    return (
      <div className="continue-next">
        {lesson.module && (
          <p className="continue-module" lang={course.language}>
            {lesson.module.title}
          </p>
        )}
        <p className="continue-lesson" lang={course.language}>
          {lesson.title}
        </p>
        <p className="continue-go">
          <LinkButton to={`/courses/${course.slug}/lessons/${lesson.id}`}>
            {state.started ? t('course.continue') : t('home.start')}
            <HiddenItemName name={lesson.title} lang={course.language} />
          </LinkButton>
        </p>
      </div>
    );
  }
  if (state.kind === 'waiting') {
    return (
      <div className="continue-waiting">
        <p className="continue-lesson">{t('home.waiting')}</p>
        <p className="continue-opens">
          <Icon name="calendar" size={16} />
          <ModuleOpening opensAt={state.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
        </p>
      </div>
    );
  }
  return (
    <p className="continue-done">
      <Icon name="check" size={16} />
      {t('home.allDone')}
    </p>
  );
}

/** The course home's call to action for a learner who has not finished: where to go on from. */
export function CourseContinue({ course }: { course: ShellCourse }) {
  const { t } = useTranslation('courses');
  const next = firstUnread(course.modules);
  const lesson = next && { ...next, module: lessonPlace(course.modules, next.id)?.module };
  const state = continueState<NextLesson>(lesson, course, course.myEnrollment?.progress ?? 0);
  return (
    <section className="continue-card" aria-labelledby="continue-title">
      <h2 id="continue-title" className="continue-title">
        {t('home.upNext')}
      </h2>
      <ContinueAction state={state} course={course} />
    </section>
  );
}

type MyEnrollment = MyEnrollmentsQuery['myEnrollments'][number];

/**
 * The dashboard's "Continue where you left off": a card for each course being learned, with its progress
 * and what comes next in it.
 */
export function ContinueLearning({ enrollments }: { enrollments: readonly MyEnrollment[] }) {
  const { t } = useTranslation('courses');
  if (enrollments.length === 0) return null;
  return (
    <section aria-labelledby="continue-learning-title" className="dashboard-section">
      <h2 id="continue-learning-title">{t('dashboard.continueTitle')}</h2>
      <ul className="learning-cards">
        {enrollments.map((enrollment) => (
          <li key={enrollment.id}>
            <LearningCard enrollment={enrollment} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LearningCard({ enrollment }: { enrollment: MyEnrollment }) {
  const { t } = useTranslation('courses');
  const { course } = enrollment;
  const titleId = `learning-${enrollment.id}`;
  return (
    <Card as="article" className="learning-card" aria-labelledby={titleId}>
      <div className="learning-card-head">
        <ProgressRing value={enrollment.progress} label={t('progress.label')} />
        <h3 id={titleId} className="learning-card-title">
          <Link to={`/courses/${course.slug}`} lang={course.language}>
            {course.title}
          </Link>
        </h3>
      </div>
      <ContinueAction state={continueState<NextLesson>(enrollment.nextLesson, course, enrollment.progress)} course={course} />
    </Card>
  );
}
