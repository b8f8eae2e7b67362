import { useTranslation } from 'react-i18next';
import { ProfileForm } from '../features/accounts/components/profile-form';
import { TwoFactorPolicySwitch } from '../features/accounts/components/two-factor-policy-switch';
import { TwoFactorSection } from '../features/accounts/components/two-factor-section';
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
      <TwoFactorSection key={`two-factor-${me.id}`} me={me} />
      {me.roles.includes('ADMIN') && <TwoFactorPolicySwitch />}
      <CalendarFeedBox />
    </section>
  );
}
