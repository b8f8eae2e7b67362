import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { SpaceView } from '../features/community/components/space-view';
import { usePageTitle } from './use-page-title';
import '../features/community/community.css';

/** A space: its description, Join, its threads and "Start a thread". */
export default function CommunitySpacePage() {
  const { t } = useTranslation('community');
  const { slug = '' } = useParams();
  const { me, isAdmin, timeZone, language } = useViewer();
  const [title, setTitle] = useState('');
  usePageTitle(title || t('spaces.title'));
  return (
    <section aria-labelledby="page-title" className="community-page">
      <SpaceView slug={slug} userId={me?.id ?? null} isAdmin={isAdmin} timeZone={timeZone} language={language} onTitle={setTitle} />
    </section>
  );
}
