import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { useViewer } from '../app/use-viewer';
import { CommunityDashboardCard } from '../features/community/components/community-links';
import { DueThisWeek } from '../features/assignments/components/due-this-week';
import { GrantsDashboardCard } from '../features/grants/components/grants-links';
import { ContinueLearning } from '../features/courses/components/continue-learning';
import { CompletedCourses, TeachingCourses } from '../features/courses/components/my-learning-summary';
import { groupEnrollments } from '../features/courses/course-navigation';
import { useMyEnrollments } from '../features/courses/hooks/use-my-enrollments';
import { NextSession } from '../features/live-sessions/components/upcoming-sessions';
import { useMyUpcomingSessions } from '../features/live-sessions/hooks/use-my-upcoming-sessions';
import { RecentNotifications } from '../features/notifications/components/recent-notifications';
import { LinkButton } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import './dashboard.css';

/**
 * The signed-in home: where to continue in each course, the next live session, what is due, the newest
 * notifications and the certificates earned. Each part comes from its own feature; this page only
 * arranges them. Someone with no course and no session is shown the way to the catalogue instead.
 */
export default function Dashboard() {
  const { me } = useSession();
  const { t } = useTranslation(['app', 'courses', 'live-sessions', 'notifications', 'assignments', 'grants', 'community']);
  const { timeZone, language } = useViewer();
  const enrollments = useMyEnrollments();
  const sessions = useMyUpcomingSessions();
  const loading = (enrollments.loading && !enrollments.data) || (sessions.loading && !sessions.data);
  const error = (!enrollments.data && enrollments.error) || (!sessions.data && sessions.error);
  const { learning, completed, teaching } = groupEnrollments(enrollments.data?.myEnrollments ?? []);
  const upcoming = sessions.data?.myUpcomingSessions ?? [];
  const empty = learning.length + completed.length + teaching.length === 0 && upcoming.length === 0;

  return (
    <section aria-labelledby="page-title" className="dashboard">
      <h1 id="page-title">{t('dashboard.welcome', { name: me?.displayName })}</h1>
      {loading ? (
        <div className="dashboard-grid" aria-busy="true">
          <div className="dashboard-main">
            <Skeleton lines={4} block label={t('loading')} />
          </div>
          <div className="dashboard-side">
            <Skeleton lines={3} label={t('loading')} />
          </div>
        </div>
      ) : error ? (
        <QueryError error={error} />
      ) : empty ? (
        <>
          <EmptyState title={t('courses:dashboard.emptyTitle')} action={<LinkButton to="/courses">{t('courses:dashboard.browse')}</LinkButton>}>
            <p>{t('courses:dashboard.emptyBody')}</p>
          </EmptyState>
          <RecentNotifications />
          <GrantsDashboardCard roles={me?.roles ?? []} />
          <CommunityDashboardCard />
        </>
      ) : (
        <div className="dashboard-grid">
          <div className="dashboard-main">
            <ContinueLearning enrollments={learning} />
          </div>
          <div className="dashboard-side">
            <NextSession sessions={upcoming} />
            {learning.length > 0 && <DueThisWeek timeZone={timeZone} language={language} now={Date.now()} />}
            <RecentNotifications />
            <GrantsDashboardCard roles={me?.roles ?? []} />
            <CommunityDashboardCard />
          </div>
          <div className="dashboard-rest">
            <TeachingCourses enrollments={teaching} />
            <CompletedCourses enrollments={completed} />
          </div>
        </div>
      )}
    </section>
  );
}
