import { useQuery } from '@apollo/client/react';
import { OrganizationMembersDocument } from '@kapwa/graphql';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../ui/query-error';
import { useCursorPages } from '../hooks/use-cursor-pages';
import { Pager } from './pager';

const PAGE_SIZE = 20;

export function OrganizationMembers({ organization, onClose }: { organization: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation('admin');
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(OrganizationMembersDocument, {
    variables: { organizationId: organization.id, first: PAGE_SIZE, after: pages.after },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const captionId = useId();
  useEffect(() => headingRef.current?.focus(), [organization.id]);
  const members = data?.organizationMembers;

  return (
    <section className="admin-panel" aria-labelledby="members-title">
      <h2 id="members-title" ref={headingRef} tabIndex={-1}>
        {t('organizations.membersTitle', { name: organization.name })}
      </h2>
      {error && <QueryError error={error} />}
      {loading && !members && <p className="loading">{t('app:loading')}</p>}
      {members && members.nodes.length === 0 && <p>{t('organizations.noMembers')}</p>}
      {members && members.nodes.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">{t('organizations.membersTitle', { name: organization.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('people.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {members.nodes.map((member) => (
                <tr key={member.id}>
                  <th scope="row">{member.displayName}</th>
                  <td>{member.email}</td>
                  <td>{member.roles.length ? member.roles.map((role) => t(`roles.${role}`)).join(', ') : t('people.noRoles')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members && (
        <Pager hasPrevious={pages.hasPrevious} hasNext={members.pageInfo.hasNextPage} onPrevious={pages.previous}
          onNext={() => members.pageInfo.endCursor && pages.next(members.pageInfo.endCursor)} />
      )}
      <p className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('people.close')}
        </button>
      </p>
    </section>
  );
}
