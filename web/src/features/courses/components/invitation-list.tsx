import { useMutation, useQuery } from '@apollo/client/react';
import { CourseInvitationsDocument, RevokeCourseInvitationDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../ui/field';
import { InviteForm } from './invite-form';

/** Invitations not yet accepted, with a way to withdraw each, and the form to send more. */
export function Invitations({ slug, courseId, language }: { slug: string; courseId: string; language: string }) {
  const { t } = useTranslation('courses');
  const { data, refetch } = useQuery(CourseInvitationsDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const [revoke, { loading: revoking }] = useMutation(RevokeCourseInvitationDocument);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const invitations = data?.course?.invitations ?? [];
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

  async function withdraw(id: string, email: string) {
    await revoke({ variables: { invitationId: id } });
    setWithdrawn(email);
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
              <button type="button" disabled={revoking} onClick={() => void withdraw(invitation.id, invitation.email)}
                aria-label={t('invitations.withdrawNamed', { email: invitation.email })}>
                {t('invitations.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={withdrawn ? t('invitations.withdrawn', { email: withdrawn }) : null} />
      <InviteForm courseId={courseId} onInvited={() => void refetch()} />
    </section>
  );
}
