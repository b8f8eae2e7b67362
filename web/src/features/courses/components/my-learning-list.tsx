import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { Badge } from '../../../ui/badge';
import { LinkButton } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { useMyEnrollments } from '../hooks/use-my-enrollments';
import { ProgressBar } from './progress-bar';

/** Every course the viewer is in (withdrawn ones aside), newest first: status, progress, and where to go. */
export function MyLearningList() {
  const { t } = useTranslation('courses');
  const { data, loading, error } = useMyEnrollments();
  if (error && !data) return <QueryError error={error} />;
  if (loading && !data) return <Skeleton lines={4} block label={t('app:loading')} />;
  const enrollments = (data?.myEnrollments ?? []).filter((e) => e.status !== 'WITHDRAWN');
  if (enrollments.length === 0) {
    return (
      <EmptyState title={t('learning.empty')} action={<LinkButton to="/courses">{t('learning.browse')}</LinkButton>} />
    );
  }
  return (
    <ul className="cards">
      {enrollments.map((enrollment) => {
        const { course } = enrollment;
        const name = <HiddenItemName name={course.title} lang={course.language} />;
        return (
          <Card as="li" key={enrollment.id}>
            <h2 className="card-title">
              <Link to={`/courses/${course.slug}`} lang={course.language}>
                {course.title}
              </Link>
            </h2>
            <p className="course-facts">
              <Badge tone={enrollment.status === 'COMPLETED' ? 'success' : 'accent'}>{t(`enrollmentStatus.${enrollment.status}`)}</Badge>
              {enrollment.role === 'TRAINER' && <Badge>{t('roles.TRAINER')}</Badge>}
              {enrollment.group && <span>{t('learning.group', { group: enrollment.group })}</span>}
            </p>
            {enrollment.role === 'LEARNER' && <ProgressBar progress={enrollment.progress} lessonCount={course.lessonCount} />}
            <p className="actions">
              {enrollment.role === 'LEARNER' && enrollment.status !== 'COMPLETED' && enrollment.nextLesson ? (
                <LinkButton size="small" to={`/courses/${course.slug}/lessons/${enrollment.nextLesson.id}`}>
                  {t('learning.continue')}
                  {name}
                </LinkButton>
              ) : (
                <Link to={`/courses/${course.slug}`}>
                  {t('learning.open')}
                  {name}
                </Link>
              )}
              {enrollment.certificate && (
                <Link to={`/certificates/${enrollment.certificate.code}`}>
                  {t('course.certificate')}
                  {name}
                </Link>
              )}
            </p>
          </Card>
        );
      })}
    </ul>
  );
}
