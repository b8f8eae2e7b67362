import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { ChangeEmailForm } from '../features/accounts/components/change-email-form';
import { ChangePasswordForm } from '../features/accounts/components/change-password-form';
import { EmailVerificationNote } from '../features/accounts/components/email-verification-note';
import { LogOutEverywhere } from '../features/accounts/components/log-out-everywhere';
import { DeleteMyAccount, DownloadMyData } from '../features/accounts/components/my-data';
import { MyOrganization } from '../features/accounts/components/my-organization';
import { ProfileForm } from '../features/accounts/components/profile-form';
import { TwoFactorPolicySwitch } from '../features/accounts/components/two-factor-policy-switch';
import { TwoFactorSection } from '../features/accounts/components/two-factor-section';
import { CalendarFeedBox } from '../features/live-sessions/components/calendar-feed-box';
import { Avatar } from '../ui/avatar';
import { Card } from '../ui/card';
import { MyUploads } from './my-uploads';
import { usePageTitle } from './use-page-title';

/** The profile's sections, each a card; on wide screens a list beside them jumps to one. */
export default function ProfilePage() {
  // The notification settings' words come with the page (not the route table, which is in the first load).
  const { t } = useTranslation(['accounts', 'network']);
  const { me } = useSession();
  usePageTitle(t('profile.title'));
  if (!me) return null; // the route requires a session
  const sections: { id: string; label: string; content: ReactNode }[] = [
    { id: 'details', label: t('profile.details'), content: <ProfileForm key={me.id} me={me} /> },
    { id: 'organization', label: t('organization.title'), content: <MyOrganization me={me} /> },
    {
      id: 'security',
      label: t('twoFactor.title'),
      content: (
        <>
          <TwoFactorSection key={`two-factor-${me.id}`} me={me} />
          {me.roles.includes('ADMIN') && <TwoFactorPolicySwitch />}
        </>
      ),
    },
    { id: 'uploads', label: t('media:page.title'), content: <MyUploads /> },
    { id: 'calendar-feed', label: t('live-sessions:feed.title'), content: <CalendarFeedBox /> },
    {
      id: 'notifications',
      label: t('network:settings.title'),
      content: (
        <>
          <h2>{t('network:settings.title')}</h2>
          <p>{t('network:settings.intro')}</p>
          <Link to="/settings/notifications">{t('network:unsubscribe.manage')}</Link>
        </>
      ),
    },
    ...(me.email ? [{ id: 'password', label: t('changePassword.title'), content: <ChangePasswordForm email={me.email} /> }] : []),
    { id: 'email', label: t('changeEmail.title'), content: <ChangeEmailForm /> },
    { id: 'sessions', label: t('logOutEverywhere.title'), content: <LogOutEverywhere /> },
    { id: 'data', label: t('myData.title'), content: <DownloadMyData /> },
    { id: 'delete', label: t('deleteAccount.title'), content: <DeleteMyAccount /> },
  ];
  return (
    <div className="profile-page">
      <header className="profile-head">
        <Avatar name={me.displayName} seed={me.id} size="large" />
        <div>
          <h1 id="profile-title">{t('profile.title')}</h1>
          <p>{t('profile.intro')}</p>
        </div>
      </header>
      {me.emailVerified === false && <EmailVerificationNote />}
      <div className="profile-layout">
        <nav aria-label={t('profile.sectionsLabel')} className="profile-toc">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#profile-${section.id}`}>{section.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="profile-sections">
          {sections.map((section) => (
            <Card key={section.id} id={`profile-${section.id}`} className={section.id === 'delete' ? 'profile-card profile-card-danger' : 'profile-card'}>
              {section.content}
            </Card>
          ))}
        </div>
      </div>
    </div>
  );
}
