import { useQuery } from '@apollo/client/react';
import { CourseAttendanceDocument, type AttendanceStatus } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { FormAlert, StatusMessage } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { useRecordAttendance } from '../hooks/use-session-mutations';

const STATUSES: AttendanceStatus[] = ['PRESENT', 'ABSENT', 'EXCUSED'];

/**
 * The register for one session: every member of the course with Present / Absent / Excused. Each choice
 * is saved at once, so a dropped connection loses one tick at most.
 */
export function AttendanceForm({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useTranslation('live-sessions');
  const { t: tApp } = useTranslation('app');
  const { data, loading, error } = useQuery(CourseAttendanceDocument, { variables: { slug } });
  const { record } = useRecordAttendance();
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The choice shows at once; the saved register (from the API) takes over when it answers.
  const [chosen, setChosen] = useState<Record<string, AttendanceStatus>>({});

  if (loading && !data) return <p className="loading">{tApp('loading')}</p>;
  if (error) return <QueryError error={error} />;
  const course = data?.course;
  if (!course) return null;
  const members = [...course.enrollments].sort((a, b) => a.user.displayName.localeCompare(b.user.displayName));
  if (members.length === 0) return <p>{t('attendance.noMembers')}</p>;
  const marks = new Map(course.liveSessions.find((s) => s.id === sessionId)?.attendance.map((a) => [a.user.id, a.status]));

  async function mark(userId: string, name: string, status: AttendanceStatus) {
    setSaved(null);
    setFailed(null);
    setChosen((c) => ({ ...c, [userId]: status }));
    try {
      await record(sessionId, userId, status);
      setSaved(t('attendance.saved', { name, status: t(`attendance.${status}`) }));
    } catch (e) {
      setChosen(({ [userId]: _, ...rest }) => rest);
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setFailed(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <div className="attendance">
      <FormAlert message={failed} />
      <ul className="attendance-list">
        {members.map((member) => (
          <li key={member.id}>
            <fieldset className="attendance-row">
              <legend>
                {member.user.displayName}
                {member.group && <span className="small"> · {member.group}</span>}
              </legend>
              {STATUSES.map((status) => (
                <label key={status} className="attendance-option">
                  <input type="radio" name={`attendance-${sessionId}-${member.user.id}`} value={status}
                    checked={(chosen[member.user.id] ?? marks.get(member.user.id)) === status}
                    onChange={() => void mark(member.user.id, member.user.displayName, status)} />
                  {t(`attendance.${status}`)}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      <StatusMessage message={saved} />
    </div>
  );
}
