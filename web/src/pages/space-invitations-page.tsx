import { useTranslation } from 'react-i18next';
import { SpaceInvitations } from '../features/network/components/space-invitations';
import { usePageTitle } from './use-page-title';

/** Where the "Join the network of <course>" notification leads. */
export default function SpaceInvitationsPage() {
  const { t } = useTranslation('network');
  usePageTitle(t('invitations.title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('invitations.title')}</h1>
      <p className="lead">{t('invitations.intro')}</p>
      <SpaceInvitations />
    </section>
  );
}
