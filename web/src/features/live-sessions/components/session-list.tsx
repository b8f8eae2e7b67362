import type { LiveSessionFieldsFragment } from '@kapwa/graphql';
import { SessionItem } from './session-item';
import { TrainerTools } from './trainer-tools';

/** A course's sessions, soonest first: those still to end, and those over (the latest first). */
export function sessionsByTime<S extends { startsAt: string; endsAt: string }>(sessions: readonly S[], now: number) {
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    upcoming: sorted.filter((s) => new Date(s.endsAt).getTime() > now),
    past: sorted.filter((s) => new Date(s.endsAt).getTime() <= now).reverse(),
  };
}

interface Props {
  sessions: readonly LiveSessionFieldsFragment[];
  course: { id: string; slug: string; timeZone: string };
  /** The reader's zone and language. */
  timeZone: string;
  language: string;
  now: number;
  /** The reader runs the course: each session has its trainer tools. */
  manages: boolean;
  headingLevel?: 3 | 4;
}

/** Live sessions of one course, each with what the reader can do with it. */
export function SessionList({ sessions, course, timeZone, language, now, manages, headingLevel }: Props) {
  return (
    <ul className="session-list">
      {sessions.map((session) => (
        <li key={session.id}>
          <SessionItem session={session} courseTimeZone={course.timeZone} timeZone={timeZone} language={language} now={now} headingLevel={headingLevel}>
            {manages && (
              <TrainerTools slug={course.slug} courseId={course.id} courseTimeZone={course.timeZone} timeZone={timeZone}
                language={language} session={session} now={now} />
            )}
          </SessionItem>
        </li>
      ))}
    </ul>
  );
}
