import { useQuery } from '@apollo/client/react';
import { CoursesDocument } from '@kapwa/graphql';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterCourses, hasFilters } from '../features/courses/catalogue-filter';
import { enrolmentState } from '../features/courses/enrolment-state';
import { CatalogueFilters } from '../features/courses/components/catalogue-filters';
import { CourseCard, type CardCourse } from '../features/courses/components/course-card';
import { useCatalogueFilters } from '../features/courses/hooks/use-catalogue-filters';
import { Button, LinkButton } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function CoursesPage() {
  const { t } = useTranslation('courses');
  const { isStaff } = useViewer();
  const { data, loading, error } = useQuery(CoursesDocument, { fetchPolicy: 'cache-and-network' });
  usePageTitle(t('catalogue.title'));

  return (
    <section aria-labelledby="page-title" className="catalogue">
      <h1 id="page-title">{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      <p className="actions">
        {isStaff && <LinkButton to="/courses/new">{t('catalogue.newCourse')}</LinkButton>}
        <LinkButton to="/certificates" variant="secondary">
          {t('certificates:verify.link')}
        </LinkButton>
      </p>
      {error && <QueryError error={error} />}
      {loading && !data && <Skeleton lines={4} block label={t('app:loading')} />}
      {data && data.courses.length === 0 && <EmptyState title={t('catalogue.empty')} />}
      {data && data.courses.length > 0 && <Catalogue courses={data.courses} />}
    </section>
  );
}

/** The filters and the cards they keep; an empty result says so and offers to clear the filters. */
function Catalogue({ courses }: { courses: CardCourse[] }) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const { filters, search, update, clear } = useCatalogueFilters();
  const searchBox = useRef<HTMLInputElement>(null);
  const languages = useMemo(() => [...new Set(courses.map((course) => course.language))], [courses]);
  const shown = useMemo(
    () => filterCourses(courses.map((course) => ({ ...course, openToViewer: enrolmentState(course) === 'open' })), filters),
    [courses, filters],
  );
  const count = useAnnouncedCount(shown.length);

  function clearFilters() {
    clear();
    // The button goes away with the empty list: keep the keyboard where the next search starts.
    searchBox.current?.focus();
  }

  return (
    <>
      <CatalogueFilters filters={filters} languages={languages} language={language} onSearch={search} onChange={update} searchRef={searchBox} />
      {/* Polite and a moment late, so a screen reader hears the count once typing pauses, not at each letter. */}
      <p role="status" className="catalogue-count" data-testid="catalogue-count">
        {t('catalogue.count', { count })}
      </p>
      {shown.length > 0 ? (
        <ul className="course-grid">
          {shown.map((course) => (
            <CourseCard key={course.id} course={course} timeZone={timeZone} language={language} />
          ))}
        </ul>
      ) : (
        <EmptyState
          title={t('catalogue.noMatch.title')}
          action={
            hasFilters(filters) && (
              <Button variant="secondary" onClick={clearFilters}>
                {t('catalogue.noMatch.clear')}
              </Button>
            )
          }
        >
          <p>{t('catalogue.noMatch.body')}</p>
        </EmptyState>
      )}
    </>
  );
}

/** The number to announce: follows `count` once it has stayed the same for a short while. */
function useAnnouncedCount(count: number, delayMs = 500): number {
  const [announced, setAnnounced] = useState(count);
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(count), delayMs);
    return () => window.clearTimeout(timer);
  }, [count, delayMs]);
  return announced;
}
