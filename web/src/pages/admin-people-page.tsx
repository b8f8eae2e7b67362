import { useQuery } from '@apollo/client/react';
import { AdminPeopleDocument } from '@kapwa/graphql';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import { AdminNav } from '../features/admin/components/admin-nav';
import { AdminOnly } from '../features/admin/components/admin-only';
import { Pager } from '../features/admin/components/pager';
import { PeopleTable } from '../features/admin/components/people-table';
import { PersonPanel } from '../features/admin/components/person-panel';
import { useCursorPages } from '../features/admin/hooks/use-cursor-pages';
import { useDebouncedValue } from '../features/admin/hooks/use-debounced-value';
import { useSession } from '../app/session';
import { QueryError } from '../ui/query-error';
import { usePageTitle } from './use-page-title';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

export default function AdminPeoplePage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('people.title'));
  return (
    <AdminOnly>
      <People />
    </AdminOnly>
  );
}

function People() {
  const { t } = useTranslation('admin');
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const pages = useCursorPages();
  const { reset } = pages;
  useEffect(() => reset(), [settled, reset]);
  const { data, previousData, error } = useQuery(AdminPeopleDocument, {
    variables: { search: settled || null, first: PAGE_SIZE, after: pages.after },
  });
  // The last answer stays on screen while the next one loads, so the table does not flicker as one types.
  const users = (data ?? previousData)?.users;
  const [managedId, setManagedId] = useState<string | null>(null);
  const managed = users?.nodes.find((person) => person.id === managedId) ?? null;

  return (
    <section aria-labelledby="people-title">
      <AdminNav />
      <h1 id="people-title">{t('people.title')}</h1>
      <div className="form">
        <Field form="people" name="search" label={t('people.search')} hint={t('people.searchHint')}>
          {(control) => <input {...control} type="search" autoComplete="off" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
      </div>
      {error && <QueryError error={error} />}
      <p role="status">{users ? (users.totalCount ? t('people.found', { count: users.totalCount }) : t('people.none')) : ''}</p>
      {users && users.nodes.length > 0 && <PeopleTable people={users.nodes} meId={me?.id ?? ''} onManage={(person) => setManagedId(person.id)} />}
      {users && (
        <Pager hasPrevious={pages.hasPrevious} hasNext={users.pageInfo.hasNextPage} onPrevious={pages.previous}
          onNext={() => users.pageInfo.endCursor && pages.next(users.pageInfo.endCursor)} />
      )}
      {managed && <PersonPanel person={managed} isMe={managed.id === me?.id} onClose={() => setManagedId(null)} />}
    </section>
  );
}
