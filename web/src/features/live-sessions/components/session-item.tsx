import type { LiveSessionFieldsFragment } from '@kapwa/graphql';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { JoinButton } from './join-button';
import { SessionTime } from './session-time';

interface Props {
  session: LiveSessionFieldsFragment;
  courseTimeZone: string;
  timeZone: string;
  language: string;
  now: number;
  /** The course's title, linked, when sessions of several courses are listed together. */
  course?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Trainer tools for this session. */
  children?: ReactNode;
}

/** One live session: when (in the reader's zone with the organiser's beside), how long, groups, and what to do. */
export function SessionItem({ session, courseTimeZone, timeZone, language, now, course, headingLevel = 3, children }: Props) {
  const { t } = useTranslation('live-sessions');
  const Heading = `h${headingLevel}` as const;
  const headingId = `session-${session.id}`;
  // The session's title is in its course's language, the words around it in the interface's.
  const lang = session.course.language;
  return (
    <article className={`session-item${session.cancelled ? ' session-cancelled' : ''}`} aria-labelledby={headingId}>
      <Heading id={headingId} className="session-title">
        <span lang={lang}>{session.title}</span>
        {session.cancelled && <span className="badge badge-cancelled">{t('session.cancelled')}</span>}
      </Heading>
      {course && <p className="session-course">{course}</p>}
      <p className="session-when">
        {session.cancelled ? (
          <del>
            <SessionTime startsAt={session.startsAt} timeZone={timeZone} courseTimeZone={courseTimeZone} language={language} />
          </del>
        ) : (
          <SessionTime startsAt={session.startsAt} timeZone={timeZone} courseTimeZone={courseTimeZone} language={language} />
        )}
        <span className="small"> · {t('session.duration', { count: session.durationMinutes })}</span>
      </p>
      {session.breakoutGroups.length > 0 && (
        <p className="small">{t('session.breakoutGroups', { groups: session.breakoutGroups.join(', ') })}</p>
      )}
      {session.myAttendance && <p className="small">{t('session.myAttendance', { status: t(`attendance.${session.myAttendance}`) })}</p>}
      {!session.cancelled && (
        <p className="actions session-actions">
          <JoinButton session={session} now={now} />
          <a className="button button-secondary" href={session.icsPath} download>
            {t('session.addToCalendar')}
            <HiddenItemName name={session.title} lang={lang} />
          </a>
          {session.recordingUrl && (
            <a className="button button-secondary" href={session.recordingUrl} target="_blank" rel="noopener noreferrer">
              {t('session.recording')}
              <HiddenItemName name={session.title} lang={lang} />
            </a>
          )}
        </p>
      )}
      {children}
    </article>
  );
}
