import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { ThreadView } from '../features/community/components/thread-view';
import { usePageTitle } from './use-page-title';
import '../features/community/community.css';

/** A thread: its posts, the reply box that keeps unsent text, and moderation for those allowed. */
export default function CommunityThreadPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const { me, isAdmin, timeZone, language } = useViewer();
  const [title, setTitle] = useState('');
  usePageTitle(title || t('spaces.title'));
  return (
    <section aria-labelledby="page-title" className="community-page">
      <ThreadView threadId={id} viewer={me ? { id: me.id, isAdmin } : null} timeZone={timeZone} language={language} onTitle={setTitle} />
    </section>
  );
}
