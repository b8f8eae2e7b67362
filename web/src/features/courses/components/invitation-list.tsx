import { useMutation, useQuery } from '@apollo/client/react';
import { CourseInvitationsDocument, RevokeCourseInvitationDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { FadingStatus } from '../../../ui/status';
import { InviteForm } from './invite-form';

/** Invitations not yet accepted, with a way to withdraw each, and the form to send more. */
export function Invitations({ slug, courseId, language }: { slug: string; courseId: string; language: string }) {
  const { t } = useTranslation('courses');
  const { data, refetch } = useQuery(CourseInvitationsDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const [revoke, { loading: revoking }] = useMutation(RevokeCourseInvitationDocument);
  const [withdrawn, setWithdrawn] = useState<{ email: string; stamp: number } | null>(null);
  const invitations = data?.course?.invitations ?? [];
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

  async function withdraw(id: string, email: string) {
    await revoke({ variables: { invitationId: id } });
    setWithdrawn({ email, stamp: Date.now() });
    await refetch();
  }

  return (
    <section aria-labelledby="invitations-title">
      <h3 id="invitations-title">{t('invitations.pending')}</h3>
      {invitations.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <span>{invitation.email}</span> · <span>{t(`roles.${invitation.role}`)}</span>
              {invitation.group && <> · <span>{invitation.group}</span></>} ·{' '}
              <span>{t('invitations.expires', { date: date.format(new Date(invitation.expiresAt)) })}</span>{' '}
              <Button variant="secondary" size="small" disabled={revoking} onClick={() => void withdraw(invitation.id, invitation.email)}
                aria-label={t('invitations.withdrawNamed', { email: invitation.email })}>
                {t('invitations.withdraw')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FadingStatus message={withdrawn ? t('invitations.withdrawn', { email: withdrawn.email }) : null} stamp={withdrawn?.stamp} />
      <InviteForm courseId={courseId} onInvited={() => void refetch()} />
    </section>
  );
}
