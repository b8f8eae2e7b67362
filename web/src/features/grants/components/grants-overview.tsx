import type { GrantsOverviewQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../ui/card';
import { EmptyState } from '../../../ui/empty-state';
import { CallTime, ClosingCountdown } from './call-times';
import { ApplicationStatusBadge, CallStatusBadge } from './status-badges';
import { GrantsLinks } from './grants-links';

interface Props {
  data: GrantsOverviewQuery;
  timeZone: string;
  language: string;
  roles: readonly string[];
}

/**
 * The grants list: open calls with the time left, calls that have closed or been decided, and the
 * applications of the viewer's organization with where each one is.
 */
export function GrantsOverview({ data, timeZone, language, roles }: Props) {
  const { t } = useTranslation('grants');
  const open = data.grantCalls.filter((c) => c.status === 'OPEN').sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const past = data.grantCalls.filter((c) => c.status === 'CLOSED' || c.status === 'DECIDED').sort((a, b) => b.closesAt.localeCompare(a.closesAt));
  const applications = data.myGrantApplications;
  return (
    <>
      <GrantsLinks roles={roles} />
      <section aria-labelledby="grants-open">
        <h2 id="grants-open">{t('list.open')}</h2>
        {open.length === 0 ? (
          <EmptyState title={t('list.noneOpen')} headingLevel={3}>
            <p>{t('list.noneOpenHint')}</p>
          </EmptyState>
        ) : (
          <ul className="grant-cards">
            {open.map((call) => (
              <Card as="li" key={call.id} interactive className="grant-card">
                <h3>
                  <Link className="card-link" to={`/grants/${call.id}`}>
                    {call.title}
                  </Link>
                </h3>
                <p>
                  <ClosingCountdown closesAt={call.closesAt} />
                </p>
                <p className="grant-meta">
                  {t('list.closesAt')} <CallTime at={call.closesAt} timeZone={timeZone} callTimeZone={call.timeZone} language={language} />
                </p>
              </Card>
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="grants-past">
          <h2 id="grants-past">{t('list.past')}</h2>
          <ul className="grant-list">
            {past.map((call) => (
              <li key={call.id}>
                <Link to={`/grants/${call.id}`}>{call.title}</Link> <CallStatusBadge status={call.status} />{' '}
                <span className="grant-meta">
                  {t('list.closedAt')} <CallTime at={call.closesAt} timeZone={timeZone} callTimeZone={call.timeZone} language={language} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="grants-mine">
        <h2 id="grants-mine">{t('list.mine')}</h2>
        {applications.length === 0 ? (
          <p>{t('list.noApplications')}</p>
        ) : (
          <table className="grant-table">
            <thead>
              <tr>
                <th scope="col">{t('list.application')}</th>
                <th scope="col">{t('list.call')}</th>
                <th scope="col">{t('list.organization')}</th>
                <th scope="col">{t('list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/grants/${application.call.id}/apply`}>{application.title || t('list.untitled')}</Link>
                  </td>
                  <td>{application.call.title}</td>
                  <td>{application.organization.name}</td>
                  <td>
                    <ApplicationStatusBadge status={application.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
