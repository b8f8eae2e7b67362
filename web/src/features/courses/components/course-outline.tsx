import type { CourseQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ModuleOpening } from './module-opening';

type Course = NonNullable<CourseQuery['course']>;
type Module = Course['modules'][number];

interface Props {
  course: Pick<Course, 'slug' | 'timeZone' | 'language' | 'modules'>;
  timeZone: string;
  /** The interface's language, for dates; titles are in the course's (`course.language`). */
  language: string;
}

/** Consecutive modules that share a part ("Part One") form one group. */
export function groupByPart<M extends { part?: string | null; position: number }>(modules: readonly M[]) {
  const groups: { part: string | null; modules: M[] }[] = [];
  for (const module of [...modules].sort((a, b) => a.position - b.position)) {
    const part = module.part?.trim() || null;
    const last = groups.at(-1);
    if (last && last.part === part) last.modules.push(module);
    else groups.push({ part, modules: [module] });
  }
  return groups;
}

/** The course's weeks, grouped by part: lessons linked and ticked, locked weeks with their opening time. */
export function CourseOutline({ course, timeZone, language }: Props) {
  const groups = groupByPart(course.modules);
  const hasParts = groups.some((group) => group.part);
  return (
    <div className="outline">
      {groups.map((group, index) =>
        group.part ? (
          <section key={`${group.part}-${index}`} className="outline-part" aria-labelledby={`part-${index}`}>
            <h2 id={`part-${index}`} lang={course.language}>
              {group.part}
            </h2>
            <ModuleList modules={group.modules} level={3} course={course} timeZone={timeZone} language={language} />
          </section>
        ) : (
          <ModuleList key={`none-${index}`} modules={group.modules} level={hasParts ? 3 : 2} course={course} timeZone={timeZone}
            language={language} />
        ),
      )}
    </div>
  );
}

function ModuleList({ modules, level, ...props }: Props & { modules: Module[]; level: 2 | 3 }) {
  return (
    <ol className="module-list">
      {modules.map((module) => (
        <ModuleItem key={module.id} module={module} level={level} {...props} />
      ))}
    </ol>
  );
}

function ModuleItem({ module, level, course, timeZone, language }: Props & { module: Module; level: 2 | 3 }) {
  const { t } = useTranslation('courses');
  const Heading = level === 2 ? 'h2' : 'h3';
  const lessons = [...module.lessons].sort((a, b) => a.position - b.position);
  return (
    <li className={module.locked ? 'module module-locked' : 'module'}>
      <Heading className="module-title" lang={course.language}>
        {module.title}
      </Heading>
      {module.locked && (
        <p className="module-meta">
          {t('outline.lessonCount', { count: module.lessonCount })}
          {module.opensAt && (
            <>
              {' · '}
              <ModuleOpening opensAt={module.opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
            </>
          )}
        </p>
      )}
      {lessons.length > 0 && (
        <ol className="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.id} className={lesson.completed ? 'lesson-item lesson-done' : 'lesson-item'}>
              <Link to={`/courses/${course.slug}/lessons/${lesson.id}`} lang={course.language}>
                {lesson.title}
              </Link>
              {lesson.estimatedMinutes != null && (
                <span className="small"> · {t('lesson.minutes', { count: lesson.estimatedMinutes })}</span>
              )}
              {lesson.completed && (
                <span className="tick">
                  <span aria-hidden="true">✓ </span>
                  {t('outline.completed')}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
