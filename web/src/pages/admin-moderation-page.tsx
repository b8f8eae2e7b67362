import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { ModerationQueue } from '../features/community/components/moderation-queue';
import { usePageTitle } from './use-page-title';
import '../features/community/community.css';

/** The moderation queue: admins see every space's reports, a course's trainers their course spaces'. */
export default function AdminModerationPage() {
  const { t } = useTranslation('community');
  const { timeZone, language } = useViewer();
  usePageTitle(t('moderation.title'));
  return (
    <section aria-labelledby="page-title" className="community-page">
      <h1 id="page-title">{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.intro')}</p>
      <ModerationQueue timeZone={timeZone} language={language} />
    </section>
  );
}
