import type { LiveSessionFieldsFragment } from '@kapwa/graphql';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { AttendanceForm } from './attendance-form';
import { CancelSessionButton } from './cancel-session-button';
import { SessionForm } from './session-form';

interface Props {
  slug: string;
  courseId: string;
  courseTimeZone: string;
  timeZone: string;
  language: string;
  session: LiveSessionFieldsFragment;
  now: number;
}

/** What a course's trainers and admins do with one session. Disclosures keep the schedule readable. */
export function TrainerTools({ slug, courseId, courseTimeZone, timeZone, language, session, now }: Props) {
  const { t } = useTranslation('live-sessions');
  const started = new Date(session.startsAt).getTime() <= now;
  return (
    <div className="trainer-tools">
      {!session.cancelled && (
        <Disclosure summary={started ? t('tools.editPast') : t('tools.edit')} session={session}>
          <SessionForm courseId={courseId} courseTimeZone={courseTimeZone} timeZone={timeZone} language={language} session={session} />
        </Disclosure>
      )}
      <Disclosure summary={t('tools.attendance')} session={session}>
        <AttendanceForm slug={slug} sessionId={session.id} />
      </Disclosure>
      {!session.cancelled && !started && <CancelSessionButton session={session} />}
    </div>
  );
}

/**
 * Its content mounts on first opening: the attendance register is fetched only when someone takes it.
 * Every session has the same summaries: the session's title, heard after them, tells them apart.
 */
function Disclosure({ summary, session, children }: { summary: string; session: LiveSessionFieldsFragment; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        {summary}
        <HiddenItemName name={session.title} lang={session.course.language} />
      </summary>
      {opened && children}
    </details>
  );
}
