import { useQuery } from '@apollo/client/react';
import { CourseDocument, type CourseQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAssignmentWeekItems } from '../features/assignments/hooks/use-course-assignments';
import { CourseLanding } from '../features/courses/components/course-landing';
import { CourseShell, type ShellCourse } from '../features/courses/components/course-shell';
import { CourseContinue } from '../features/courses/components/continue-learning';
import { CourseWeeks } from '../features/courses/components/course-weeks';
import { EvaluationForm } from '../features/courses/components/evaluation-form';
import { OfflineNotice, SaveWeek, useSavedWeeks } from '../features/courses/components/offline-reading';
import { isUnreachable, useOfflineReader, usePendingCompletions, useSavedCopy } from '../features/courses/hooks/use-offline';
import { firstUnread } from '../features/courses/course-navigation';
import { CourseUpcomingSessions } from '../features/live-sessions/components/upcoming-sessions';
import { LinkButton } from '../ui/button';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { canManageCourse, useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function CoursePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('courses');
  const { isAdmin } = useViewer();
  const query = useQuery(CourseDocument, { variables: { slug } });
  const { loading, error } = query;
  // Offline: the outline saved on this device, if a week of the course was saved.
  const readerId = useOfflineReader();
  const offline = isUnreachable(error) && !query.data?.course;
  const saved = useSavedCopy('course', readerId, slug, offline);
  const pending = usePendingCompletions();
  const data = offline && saved.copy ? withPendingCompletions(saved.copy.data, pending) : query.data;
  const course = data?.course;
  const enrollment = course?.myEnrollment;
  // The certificate is issued by a job moments after the last lesson: look again until it is there.
  const waitingForCertificate = enrollment?.status === 'COMPLETED' && enrollment.role === 'LEARNER' && !enrollment.certificate;
  useQuery(CourseDocument, { variables: { slug }, skip: !waitingForCertificate, pollInterval: 5000, fetchPolicy: 'network-only' });
  usePageTitle(course?.title ?? t('course.title'));

  if ((loading || saved.looking) && !course) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error && !(offline && course)) return <QueryError error={error} />;
  if (!course) {
    return (
      <section>
        <h1>{t('course.notFound')}</h1>
        <p>
          <Link to="/courses">{t('catalogue.back')}</Link>
        </p>
      </section>
    );
  }
  // Someone not in the course sees what it offers and how to join; its members (and the admins who run
  // it) get the course's home.
  if (!enrollment && !isAdmin) return <CourseLanding course={course} />;
  return <CourseHome course={course} readerId={readerId} savedAt={offline ? saved.copy?.savedAt : undefined} />;
}

/** Lessons completed offline show as completed in a saved outline too. */
function withPendingCompletions(data: CourseQuery, pending: ReadonlySet<string>): CourseQuery {
  if (!data.course || pending.size === 0) return data;
  const modules = data.course.modules.map((module) => ({
    ...module,
    lessons: module.lessons.map((lesson) => (pending.has(lesson.id) ? { ...lesson, completed: true } : lesson)),
  }));
  return { ...data, course: { ...data.course, modules } };
}

/** A member's course home: where to continue, the weeks, and the course's next live sessions beside them. */
function CourseHome({ course, readerId, savedAt }: { course: ShellCourse; readerId: string | null; savedAt?: string }) {
  const { t } = useTranslation('courses');
  const { isAdmin, timeZone, language } = useViewer();
  const enrollment = course.myEnrollment;
  const learner = enrollment?.role === 'LEARNER';
  const completed = learner && enrollment.status === 'COMPLETED';
  // The weeks' assignments, after their lessons, with where the learner stands on each.
  const weekItems = useAssignmentWeekItems(course.slug, { member: true });
  const savedWeeks = useSavedWeeks(course.slug, readerId);

  return (
    <CourseShell course={course} section="overview" aside={!savedAt && <CourseUpcomingSessions slug={course.slug} />}>
      {savedAt && <OfflineNotice savedAt={savedAt} />}
      {canManageCourse(isAdmin, enrollment) && (
        <p className="actions">
          <LinkButton variant="secondary" to={`/courses/${course.slug}/edit`}>
            {t('course.edit')}
          </LinkButton>
          <LinkButton variant="secondary" to={`/courses/${course.slug}/evaluation`}>
            {t('course.evaluationSummary')}
          </LinkButton>
        </p>
      )}
      {learner && !completed && <CourseContinue course={course} />}
      {completed && (
        <section className="course-completed" aria-labelledby="completed-title">
          <h2 id="completed-title">{t('course.completedTitle')}</h2>
          {enrollment.certificate ? (
            <p>
              <LinkButton to={`/certificates/${enrollment.certificate.code}`}>{t('course.certificate')}</LinkButton>
            </p>
          ) : (
            <p role="status">{t('course.certificatePending')}</p>
          )}
          <EvaluationForm courseId={course.id} earlier={course.myEvaluation} />
        </section>
      )}
      <h2 className="visually-hidden">{t('outline.title')}</h2>
      <CourseWeeks course={course} weekItems={weekItems} nextLessonId={learner ? firstUnread(course.modules)?.id : null} timeZone={timeZone}
        language={language}
        weekFooter={learner ? (moduleId) => <SaveWeek moduleId={moduleId} saved={savedWeeks} /> : undefined}
      />
    </CourseShell>
  );
}
