import { formatCalendarDate, formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { languageName } from '../../../app/language-names';
import { useViewer } from '../../../app/use-viewer';
import { Avatar } from '../../../ui/avatar';
import { Badge } from '../../../ui/badge';
import { LinkButton } from '../../../ui/button';
import { enrolmentState } from '../enrolment-state';
import { CourseCover } from './course-cover';
import { CourseDates, EnrolmentBadge, courseLength, type CardCourse } from './course-card';
import { groupByPart } from './course-outline';
import { EnrolButton } from './enrol-button';
import './course-landing.css';

/** What the course's page shows someone who is not in the course (CourseLandingFields on top of the card's). */
export interface LandingCourse extends CardCourse {
  outcomes: readonly string[];
  audience?: string | null;
  trainers: readonly { id: string; displayName: string }[];
  modules: readonly { id: string; position: number; title: string; part?: string | null; opensAt?: string | null; lessonCount: number }[];
  liveSessions: readonly { id: string; title: string; startsAt: string; durationMinutes: number; cancelled: boolean }[];
}

/**
 * A course as it presents itself to someone who might join: what it is, what it gives, who it is for,
 * how it runs week by week, who teaches it and when its live sessions are, with the way to enrol. Lessons
 * themselves stay inside the course.
 */
export function CourseLanding({ course }: { course: LandingCourse }) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const length = courseLength(t, course.durationWeeks, course.estimatedMinutes);
  return (
    <article aria-labelledby="page-title" className="course-landing">
      <p className="breadcrumb">
        <Link to="/courses">{t('catalogue.back')}</Link>
      </p>
      <header className="landing-hero">
        <div className="landing-hero-text">
          <p className="landing-badges">
            <Badge>{t(`kind.${course.kind}`)}</Badge>
            <EnrolmentBadge state={enrolmentState(course)} />
          </p>
          {/* The course's words in the course's language (a Thai course under an English interface is read in Thai). */}
          <h1 id="page-title" lang={course.language}>
            {course.title}
          </h1>
          <p className="lead" lang={course.language}>
            {course.summary}
          </p>
          <dl className="landing-facts">
            <div>
              <dt>{t('landing.facts.language')}</dt>
              <dd>{languageName(course.language, language)}</dd>
            </div>
            {course.startsAt && (
              <div>
                <dt>{t('landing.facts.dates')}</dt>
                <dd>
                  <CourseDates course={course} timeZone={timeZone} language={language} withLocalStart />
                </dd>
              </div>
            )}
            {length && (
              <div>
                <dt>{t('landing.facts.length')}</dt>
                <dd>{length}</dd>
              </div>
            )}
          </dl>
          <div className="landing-cta">
            <EnrolAction course={course} />
          </div>
        </div>
        <CourseCover id={course.id} color={course.color} cover={course.cover} variant="hero" />
      </header>

      <div className="landing-sections">
        <div className="landing-main">
          {course.outcomes.length > 0 && (
            <section aria-labelledby="landing-outcomes" className="landing-section">
              <h2 id="landing-outcomes">{t('landing.outcomes')}</h2>
              <ul className="landing-outcomes" lang={course.language}>
                {course.outcomes.map((outcome, index) => (
                  <li key={index}>{outcome}</li>
                ))}
              </ul>
            </section>
          )}
          {course.audience?.trim() && (
            <section aria-labelledby="landing-audience" className="landing-section">
              <h2 id="landing-audience">{t('landing.audience')}</h2>
              <p className="landing-audience" lang={course.language}>
                {course.audience}
              </p>
            </section>
          )}
          {course.modules.length > 0 && <Weeks course={course} language={language} />}
        </div>
        <div className="landing-side">
          {course.trainers.length > 0 && (
            <section aria-labelledby="landing-trainers" className="landing-section">
              <h2 id="landing-trainers">{t('landing.trainers')}</h2>
              <ul className="landing-trainers">
                {course.trainers.map((trainer) => (
                  <li key={trainer.id}>
                    <Avatar name={trainer.displayName} seed={trainer.id} />
                    <span>{trainer.displayName}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Sessions course={course} timeZone={timeZone} language={language} />
        </div>
      </div>
    </article>
  );
}

/** Enrol now; log in (or create an account) to enrol; or why one cannot. Keeps the names tests and people rely on. */
function EnrolAction({ course }: { course: LandingCourse }) {
  const { t } = useTranslation('courses');
  const { me } = useViewer();
  const location = useLocation();
  if (!course.enrollmentOpen) return <p>{t('course.notOpen')}</p>;
  if (me) return <EnrolButton courseId={course.id} />;
  return (
    <>
      <p className="actions">
        <LinkButton to="/log-in" state={{ from: location.pathname }}>
          {t('course.logInToEnrol')}
        </LinkButton>
        <LinkButton to="/sign-up" variant="secondary" state={{ from: location.pathname }}>
          {t('landing.signUp')}
        </LinkButton>
      </p>
      <p className="small">{t('landing.privacy')}</p>
    </>
  );
}

/** The weeks by part, each with its lesson count and first day (a calendar date of the course's zone). */
function Weeks({ course, language }: { course: LandingCourse; language: string }) {
  const { t } = useTranslation('courses');
  const groups = groupByPart(course.modules);
  const hasParts = groups.some((group) => group.part);
  const list = (modules: LandingCourse['modules'], level: 3 | 4) => {
    const Heading = level === 3 ? 'h3' : 'h4';
    return (
      <ol className="landing-weeks">
        {modules.map((module) => (
          <li key={module.id} className="landing-week">
            <Heading className="landing-week-title" lang={course.language}>
              {module.title}
            </Heading>
            <p className="landing-week-meta">
              {t('outline.lessonCount', { count: module.lessonCount })}
              {module.opensAt && (
                <>
                  <span aria-hidden="true"> · </span>
                  {t('landing.weekFrom', { date: formatCalendarDate(new Date(module.opensAt), course.timeZone, language) })}
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    );
  };
  return (
    <section aria-labelledby="landing-weeks" className="landing-section">
      <h2 id="landing-weeks">{t('landing.weeks')}</h2>
      {groups.map((group, index) =>
        group.part ? (
          <div key={`${group.part}-${index}`} className="landing-part">
            <h3 lang={course.language}>{group.part}</h3>
            {list(group.modules, 4)}
          </div>
        ) : (
          <div key={`none-${index}`} className="landing-part">
            {list(group.modules, hasParts ? 4 : 3)}
          </div>
        ),
      )}
    </section>
  );
}

/**
 * Live sessions still to come, each at the reader's time with the course's beside: the same words as the
 * schedule, emails and calendar files (formatInstantWithZones in @kapwa/shared).
 */
function Sessions({ course, timeZone, language }: { course: LandingCourse; timeZone: string; language: string }) {
  const { t } = useTranslation('courses');
  const now = Date.now();
  const upcoming = course.liveSessions
    .filter((session) => !session.cancelled && new Date(session.startsAt).getTime() + session.durationMinutes * 60_000 > now)
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  if (upcoming.length === 0) return null;
  return (
    <section aria-labelledby="landing-sessions" className="landing-section">
      <h2 id="landing-sessions">{t('landing.sessions')}</h2>
      <ul className="landing-sessions">
        {upcoming.map((session) => (
          <li key={session.id}>
            <span className="landing-session-title" lang={course.language}>
              {session.title}
            </span>
            <span className="landing-session-when">
              <time dateTime={session.startsAt} data-testid="session-time">
                {formatInstantWithZones(new Date(session.startsAt), timeZone, course.timeZone, language, (zone) => zoneLabel(zone, language))}
              </time>
              <span className="small"> · {t('landing.sessionLength', { count: session.durationMinutes })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
