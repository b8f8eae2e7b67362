import { useTranslation } from 'react-i18next';
import { ChangeEmailForm } from '../features/accounts/components/change-email-form';
import { ChangePasswordForm } from '../features/accounts/components/change-password-form';
import { EmailVerificationNote } from '../features/accounts/components/email-verification-note';
import { LogOutEverywhere } from '../features/accounts/components/log-out-everywhere';
import { DeleteMyAccount, DownloadMyData } from '../features/accounts/components/my-data';
import { MyOrganization } from '../features/accounts/components/my-organization';
import { ProfileForm } from '../features/accounts/components/profile-form';
import { TwoFactorPolicySwitch } from '../features/accounts/components/two-factor-policy-switch';
import { TwoFactorSection } from '../features/accounts/components/two-factor-section';
import { useSession } from '../app/session';
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
      {me.emailVerified === false && <EmailVerificationNote />}
      <ProfileForm key={me.id} me={me} />
      <MyOrganization me={me} />
      <TwoFactorSection key={`two-factor-${me.id}`} me={me} />
      {me.roles.includes('ADMIN') && <TwoFactorPolicySwitch />}
      <CalendarFeedBox />
      {me.email && <ChangePasswordForm email={me.email} />}
      <ChangeEmailForm />
      <LogOutEverywhere />
      <DownloadMyData />
      <DeleteMyAccount />
    </section>
  );
}
