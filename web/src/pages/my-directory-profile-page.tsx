import { useQuery } from '@apollo/client/react';
import { MyDirectoryProfileDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { ProfileEditor } from '../features/directory/components/profile-editor';
import { Breadcrumbs } from '../ui/breadcrumbs';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/directory/directory.css';

/** The viewer's own directory profile, with who sees what said plainly. */
export default function MyDirectoryProfilePage() {
  const { t } = useTranslation('directory');
  const { language } = useViewer();
  const { data, loading, error } = useQuery(MyDirectoryProfileDocument, { fetchPolicy: 'cache-and-network' });
  usePageTitle(t('editor.title'));
  return (
    <section aria-labelledby="page-title" className="directory-page">
      <Breadcrumbs label={t('editor.breadcrumbs')} items={[{ label: t('list.title'), to: '/directory' }, { label: t('editor.title') }]} />
      <h1 id="page-title">{t('editor.title')}</h1>
      <p className="lead">{t('editor.intro')}</p>
      {loading && !data ? <Skeleton lines={6} label={t('app:loading')} /> : error && !data ? <QueryError error={error} /> : data && <ProfileEditor profile={data.myProfile} language={language} />}
    </section>
  );
}
