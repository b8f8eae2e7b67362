import type { CourseKind, CourseStatus, EnrollmentRole, EnrollmentStatus } from '@kapwa/graphql';
import { calendarDateParts, formatCalendarDate, zoneLabel } from '@kapwa/shared';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageName } from '../../../app/language-names';
import { Badge, type BadgeTone } from '../../../ui/badge';
import { Card } from '../../../ui/card';
import { enrolmentState, type EnrolmentState } from '../enrolment-state';
import { CourseCover, type CoverImage } from './course-cover';
import './course-card.css';

/** What a card shows of a course (CourseCardFields). */
export interface CardCourse {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: CourseKind;
  status: CourseStatus;
  language: string;
  timeZone: string;
  startsAt?: string | null;
  endsAt?: string | null;
  color: string;
  cover?: CoverImage | null;
  durationWeeks?: number | null;
  estimatedMinutes: number;
  enrollmentOpen: boolean;
  myEnrollment?: { role: EnrollmentRole; status: EnrollmentStatus } | null;
}

/** "4 weeks · about 6 hours", "About 45 minutes", "3 weeks"; null when the course says neither. */
export function courseLength(t: TFunction, durationWeeks: number | null | undefined, estimatedMinutes: number): string | null {
  const time =
    estimatedMinutes <= 0
      ? null
      : estimatedMinutes < 60
        ? t('length.minutes', { count: estimatedMinutes })
        : t('length.hours', { count: Math.round(estimatedMinutes / 60) });
  const weeks = durationWeeks ? t('length.weeks', { count: durationWeeks }) : null;
  if (weeks && time) return t('length.weeksAbout', { weeks, time });
  if (time) return t('length.about', { time });
  return weeks;
}

const STATE_TONES: Record<EnrolmentState, BadgeTone> = {
  open: 'highlight',
  enrolled: 'accent',
  teaching: 'accent',
  completed: 'success',
  closed: 'neutral',
  draft: 'neutral',
};

/** Open for enrolment, Enrolled, Completed, Closed (or Draft, or You teach this course). */
export function EnrolmentBadge({ state }: { state: EnrolmentState }) {
  const { t } = useTranslation('courses');
  return <Badge tone={STATE_TONES[state]}>{t(`state.${state}`)}</Badge>;
}

/**
 * The course's first and last day, as calendar dates of the course's zone (the same for every reader).
 * `withLocalStart`: also say when the first day begins on the reader's clock, when it differs.
 */
export function CourseDates({ course, timeZone, language, withLocalStart }: { course: Pick<CardCourse, 'startsAt' | 'endsAt' | 'timeZone'>; timeZone: string; language: string; withLocalStart?: boolean }) {
  const { t } = useTranslation('courses');
  if (!course.startsAt) return null;
  const startsAt = new Date(course.startsAt);
  const start = formatCalendarDate(startsAt, course.timeZone, language, false);
  const end = course.endsAt ? formatCalendarDate(new Date(course.endsAt), course.timeZone, language, false) : null;
  const local = withLocalStart ? calendarDateParts(startsAt, course.timeZone, timeZone, language, (zone) => zoneLabel(zone, language)) : null;
  return (
    <>
      <span data-testid="course-dates">{end ? t('course.dates', { start, end }) : t('course.startsOn', { start })}</span>
      {local?.local && (
        <span className="small" data-testid="course-dates-local">
          {t('course.startsForYou', { zone: local.city, when: local.local })}
        </span>
      )}
    </>
  );
}

/** Facts in a row, a dot between them (the dots are not read out). */
export function FactLine({ className, children }: { className: string; children: ReactNode[] }) {
  const facts = children.filter(Boolean);
  return (
    <p className={className}>
      {facts.map((fact, index) => (
        <Fragment key={index}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          {fact}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * A course in the catalogue: one link (its title) covering the whole card. The course's own words carry
 * its language, so a screen reader reads a Thai title in Thai; the facts around them are in the reader's.
 */
export function CourseCard({ course, timeZone, language, headingLevel = 2 }: { course: CardCourse; timeZone: string; language: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('courses');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const length = courseLength(t, course.durationWeeks, course.estimatedMinutes);
  return (
    <Card as="li" interactive className="course-card">
      <CourseCover id={course.id} color={course.color} cover={course.cover} variant="card" />
      <div className="course-card-body">
        <Heading className="course-card-title" lang={course.language}>
          <Link className="card-link" to={`/courses/${course.slug}`}>
            {course.title}
          </Link>
        </Heading>
        <FactLine className="course-card-facts">
          {[
            <span key="language">{languageName(course.language, language)}</span>,
            course.startsAt ? <CourseDates key="dates" course={course} timeZone={timeZone} language={language} /> : null,
            length ? <span key="length">{length}</span> : null,
          ]}
        </FactLine>
        <p className="course-card-summary" lang={course.language}>
          {course.summary}
        </p>
        <p className="course-card-badges">
          <Badge>{t(`kind.${course.kind}`)}</Badge>
          <EnrolmentBadge state={enrolmentState(course)} />
        </p>
      </div>
    </Card>
  );
}
