import type { AuditLogQuery } from '@kapwa/graphql';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../hooks/use-format-instant';

type AuditEvent = AuditLogQuery['auditLog']['nodes'][number];

/** Who did what to whom, when: one row per event, newest first. */
export function AuditLogTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation('admin');
  const formatInstant = useFormatInstant();
  const captionId = useId();
  if (events.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.subject')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                <time dateTime={event.createdAt}>{formatInstant(event.createdAt)}</time>
              </th>
              <td>{event.actor?.displayName ?? t('audit.system')}</td>
              <td>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</td>
              <td>{event.subjectName ?? t('audit.unknown')}</td>
              <td>{event.details ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
