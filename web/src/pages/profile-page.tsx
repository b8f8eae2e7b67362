import { useTranslation } from 'react-i18next';
import { DeleteMyAccount, DownloadMyData } from '../features/accounts/components/my-data';
import { MyOrganization } from '../features/accounts/components/my-organization';
import { ProfileForm } from '../features/accounts/components/profile-form';
import { useSession } from '../features/accounts/hooks/session';
import { CalendarFeedBox } from '../features/live-sessions/components/calendar-feed-box';
import { usePageTitle } from './use-page-title';

export default function ProfilePage() {
  const { t } = useTranslation('accounts');
  const { me } = useSession();
  usePageTitle(t('profile.title'));
  if (!me) return null; // the route requires a session
  return (
    <section className="narrow">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <p>{t('profile.intro')}</p>
      <ProfileForm key={me.id} me={me} />
      <MyOrganization me={me} />
      <CalendarFeedBox />
      <DownloadMyData />
      <DeleteMyAccount />
    </section>
  );
}
