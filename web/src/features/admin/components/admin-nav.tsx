import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const SECTIONS = ['people', 'organizations', 'grants', 'moderation', 'audit', 'design'] as const;
/** Small grants keep their admin pages beside their other pages (under /grants); the community's moderation queue is /admin/moderation. */
const PATHS: Partial<Record<(typeof SECTIONS)[number], string>> = { grants: '/grants/admin' };

/** The admin console's own sections, on each of its pages. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <nav aria-label={t('nav.label')} className="admin-nav">
      <ul className="nav-list">
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={PATHS[section] ?? `/admin/${section}`}>{t(`nav.${section}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AdminSections() {
  const { t } = useTranslation('admin');
  return (
    <ul className="admin-sections">
      {SECTIONS.map((section) => (
        <li key={section}>
          <NavLink to={PATHS[section] ?? `/admin/${section}`}>{t(`nav.${section}`)}</NavLink>
          <p>{t(`sections.${section}`)}</p>
        </li>
      ))}
    </ul>
  );
}
