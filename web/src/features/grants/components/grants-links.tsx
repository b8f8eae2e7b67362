import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Where each person finds the rest of small grants: reviewers their queue, admins the calls they run,
 * everyone the public case studies. Shown on the grants list and the dashboard.
 */
export function GrantsLinks({ roles, withList = false }: { roles: readonly string[]; withList?: boolean }) {
  const { t } = useTranslation('grants');
  const links = [
    ...(withList ? [{ to: '/grants', label: t('links.calls') }] : []),
    ...(roles.includes('REVIEWER') ? [{ to: '/grants/reviews', label: t('links.reviews') }] : []),
    ...(roles.includes('ADMIN') ? [{ to: '/grants/admin', label: t('links.manage') }] : []),
    { to: '/case-studies', label: t('links.caseStudies') },
  ];
  return (
    <nav aria-label={t('links.label')} className="grant-links">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The dashboard's way into small grants, by role. */
export function GrantsDashboardCard({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('grants');
  return (
    <section aria-labelledby="dashboard-grants" className="dashboard-grants">
      <h2 id="dashboard-grants">{t('dashboard.heading')}</h2>
      <GrantsLinks roles={roles} withList />
    </section>
  );
}
