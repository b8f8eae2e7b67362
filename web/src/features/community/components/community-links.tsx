import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way around the community: spaces, search, the directory and the resource library (by path only). */
export function CommunityLinks({ withSpaces = false }: { withSpaces?: boolean }) {
  const { t } = useTranslation('community');
  const links = [
    ...(withSpaces ? [{ to: '/community', label: t('links.spaces') }] : []),
    { to: '/community/search', label: t('links.search') },
    { to: '/directory', label: t('links.directory') },
    { to: '/resources', label: t('links.resources') },
  ];
  return (
    <nav aria-label={t('links.label')} className="community-links">
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

/** The dashboard's way into the community. */
export function CommunityDashboardCard() {
  const { t } = useTranslation('community');
  return (
    <section aria-labelledby="dashboard-community" className="dashboard-community">
      <h2 id="dashboard-community">{t('dashboard.heading')}</h2>
      <p>{t('dashboard.body')}</p>
      <CommunityLinks withSpaces />
    </section>
  );
}
