import { useQuery } from '@apollo/client/react';
import { OrganizationsDocument } from '@kapwa/graphql';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '../features/admin/components/admin-nav';
import { AdminOnly } from '../features/admin/components/admin-only';
import { OrganizationForm } from '../features/admin/components/organization-form';
import { OrganizationMembers } from '../features/admin/components/organization-members';
import { QueryError } from '../ui/query-error';
import { usePageTitle } from './use-page-title';

export default function AdminOrganizationsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('organizations.title'));
  return (
    <AdminOnly>
      <Organizations />
    </AdminOnly>
  );
}

type Open = { kind: 'edit' | 'members'; id: string } | null;

function Organizations() {
  const { t, i18n } = useTranslation('admin');
  const { data, error, loading } = useQuery(OrganizationsDocument);
  const [open, setOpen] = useState<Open>(null);
  const captionId = useId();
  const editHeading = useRef<HTMLDivElement>(null);
  const countries = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region', fallback: 'code' });
  const organizations = data?.organizations ?? [];
  const chosen = open ? organizations.find((o) => o.id === open.id) : undefined;

  useEffect(() => {
    if (open?.kind === 'edit') editHeading.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [open]);

  return (
    <section aria-labelledby="organizations-title">
      <AdminNav />
      <h1 id="organizations-title">{t('organizations.title')}</h1>
      <p>{t('organizations.focalPointLater')}</p>
      {error && <QueryError error={error} />}
      {loading && !data && <p className="loading">{t('app:loading')}</p>}
      {data && organizations.length === 0 && <p>{t('organizations.none')}</p>}
      {organizations.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">{t('organizations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.name')}</th>
                <th scope="col">{t('organizations.country')}</th>
                <th scope="col">{t('organizations.kind')}</th>
                <th scope="col">{t('organizations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">{organization.name}</th>
                  <td>{countries.of(organization.country) ?? organization.country}</td>
                  <td>{t(`organizations.kinds.${organization.kind}`)}</td>
                  <td className="actions">
                    <button type="button" className="button-secondary" aria-label={t('organizations.editLabel', { name: organization.name })}
                      onClick={() => setOpen({ kind: 'edit', id: organization.id })}>
                      {t('organizations.edit')}
                    </button>
                    <button type="button" className="button-secondary" aria-label={t('organizations.membersLabel', { name: organization.name })}
                      onClick={() => setOpen({ kind: 'members', id: organization.id })}>
                      {t('organizations.members')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen && open?.kind === 'edit' && (
        <div ref={editHeading} className="admin-panel">
          <OrganizationForm key={chosen.id} organization={chosen} onCancel={() => setOpen(null)} />
        </div>
      )}
      {chosen && open?.kind === 'members' && <OrganizationMembers organization={chosen} onClose={() => setOpen(null)} />}
      <OrganizationForm />
    </section>
  );
}
