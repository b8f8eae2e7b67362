import { useTranslation } from 'react-i18next';
import { CommunityLinks } from '../features/community/components/community-links';
import { SpacesList } from '../features/community/components/spaces-list';
import { usePageTitle } from './use-page-title';
import '../features/community/community.css';

/** The community: every space the viewer reads, by kind, with Join; and the ways to search, the directory and resources. */
export default function CommunityPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('spaces.title'));
  return (
    <section aria-labelledby="page-title" className="community-page">
      <h1 id="page-title">{t('spaces.title')}</h1>
      <p className="lead">{t('spaces.intro')}</p>
      <CommunityLinks />
      <SpacesList />
    </section>
  );
}
