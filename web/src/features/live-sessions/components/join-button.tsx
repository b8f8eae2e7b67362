import { useTranslation } from 'react-i18next';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { JOIN_OPENS_MINUTES_BEFORE, canJoinNow, sessionPhase } from '../session-rules';

interface Props {
  session: { title: string; startsAt: string; endsAt: string; joinUrl?: string | null; cancelled: boolean; course: { language: string } };
  now: number;
}

/**
 * "Join" only when it is time (15 minutes before the start until the end) and only for members: the
 * API sends `joinUrl` to them alone. Before that, members learn when the button will appear.
 */
export function JoinButton({ session, now }: Props) {
  const { t } = useTranslation('live-sessions');
  if (canJoinNow(session, now)) {
    return (
      <a className="button" href={session.joinUrl!} target="_blank" rel="noopener noreferrer">
        {t('session.join')}
        <HiddenItemName name={session.title} lang={session.course.language} />
      </a>
    );
  }
  if (session.joinUrl && sessionPhase(session, now) === 'later') {
    return <span className="small">{t('session.joinLater', { count: JOIN_OPENS_MINUTES_BEFORE })}</span>;
  }
  return null;
}
