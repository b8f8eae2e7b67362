import { useQuery } from '@apollo/client/react';
import { AuditLogDocument } from '@kapwa/graphql';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '../features/admin/components/admin-nav';
import { AdminOnly } from '../features/admin/components/admin-only';
import { AuditLogTable } from '../features/admin/components/audit-log-table';
import { Pager } from '../features/admin/components/pager';
import { useCursorPages } from '../features/admin/hooks/use-cursor-pages';
import { QueryError } from '../ui/query-error';
import { usePageTitle } from './use-page-title';

const PAGE_SIZE = 25;

export default function AdminAuditPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('audit.title'));
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  );
}

function AuditLog() {
  const { t } = useTranslation('admin');
  const pages = useCursorPages();
  // The log changes with every admin action: always ask the API rather than show a cached page.
  const { data, error, loading } = useQuery(AuditLogDocument, { variables: { first: PAGE_SIZE, after: pages.after }, fetchPolicy: 'network-only' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const log = data?.auditLog;
  // After turning a page, focus returns to the top of the log, which a screen reader then reads from.
  const turn = (go: () => void) => () => {
    go();
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="audit-title">
      <AdminNav />
      <h1 id="audit-title" ref={headingRef} tabIndex={-1}>
        {t('audit.title')}
      </h1>
      <p>{t('audit.intro')}</p>
      {error && <QueryError error={error} />}
      {loading && !log && <p className="loading">{t('app:loading')}</p>}
      {log && <AuditLogTable events={log.nodes} />}
      {log && (
        <Pager hasPrevious={pages.hasPrevious} hasNext={log.pageInfo.hasNextPage} onPrevious={turn(pages.previous)}
          onNext={turn(() => log.pageInfo.endCursor && pages.next(log.pageInfo.endCursor))} />
      )}
    </section>
  );
}
