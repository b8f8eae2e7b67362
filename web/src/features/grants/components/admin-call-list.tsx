import type { AdminGrantCallsQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../ui/button';
import { CallTime } from './call-times';
import { CallStatusBadge } from './status-badges';

/** Every call, drafts included, newest closing first, each leading to its editor and ranking. */
export function AdminCallList({ calls, timeZone, language }: { calls: AdminGrantCallsQuery['grantCalls']; timeZone: string; language: string }) {
  const { t } = useTranslation('grants');
  const sorted = [...calls].sort((a, b) => b.closesAt.localeCompare(a.closesAt));
  return (
    <>
      <p>
        <LinkButton to="/grants/admin/new">{t('admin.newCall')}</LinkButton>
      </p>
      {sorted.length === 0 ? (
        <p>{t('admin.noCalls')}</p>
      ) : (
        <table className="grant-table">
          <thead>
            <tr>
              <th scope="col">{t('list.call')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.closesAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((call) => (
              <tr key={call.id}>
                <td>
                  <Link to={`/grants/admin/${call.id}`}>{call.title}</Link>
                </td>
                <td>
                  <CallStatusBadge status={call.status} />
                </td>
                <td>
                  <CallTime at={call.closesAt} timeZone={timeZone} callTimeZone={call.timeZone} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
