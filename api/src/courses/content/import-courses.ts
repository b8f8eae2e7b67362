import type { DataSource, EntityManager } from 'typeorm';
import { createCourseSpace } from '../../community/course-space.js';
import { renderMarkdown } from '../../platform/common/markdown.js';
import { returnedRows } from '../../platform/database/returning.js';
import { lessonImageResolver } from '../course-images.js';
import { CourseModule } from '../course-module.entity.js';
import { Course } from '../course.entity.js';
import { Lesson } from '../lesson.entity.js';
import { dateInZone, zonedTimeToInstant } from '@kapwa/shared';
import { LiveSession } from '../../live-sessions/live-session.entity.js';
import type { CourseFile } from './course-files.js';
import { Assignment, RubricCriterion } from '../../assignments/assignment.entity.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface ImportReport {
  /** Rows inserted, updated or deleted; 0 when the database already matched the files. */
  changes: number;
  courses: string[];
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Makes the database match the course files, in one transaction: courses by slug, modules and
 * lessons by position. Rows that already match are not touched, so importing twice changes nothing.
 * Modules or lessons beyond the files' count are removed (with the progress recorded on them).
 * `startsAt` (e.g. from --start) overrides the files' start date; module opening times follow it.
 */
export async function importCourses(db: DataSource, files: CourseFile[], startsAt?: Date): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    let changes = 0;
    for (const file of files) changes += await importCourse(tx, file, startsAt ?? file.startsAt);
    return { changes, courses: files.map((f) => f.slug) };
  });
}

async function importCourse(tx: EntityManager, file: CourseFile, startsAt: Date | null): Promise<number> {
  let changes = 0;
  const wanted = {
    title: file.title,
    summary: file.summary,
    kind: file.kind,
    status: file.status,
    language: file.language,
    timeZone: file.timeZone,
    startsAt,
    endsAt: startsAt ? new Date(startsAt.getTime() + file.durationWeeks * WEEK_MS) : null,
    durationWeeks: file.durationWeeks,
    outcomes: file.outcomes,
    topics: file.topics,
    audience: file.audience,
    chosenColor: file.color,
  };
  let course = await tx.findOneBy(Course, { slug: file.slug });
  if (!course) {
    course = await tx.save(tx.create(Course, { slug: file.slug, ...wanted }));
    await createCourseSpace(tx, course, null);
    changes++;
  } else if (
    course.title !== wanted.title ||
    course.summary !== wanted.summary ||
    course.kind !== wanted.kind ||
    course.status !== wanted.status ||
    course.language !== wanted.language ||
    course.timeZone !== wanted.timeZone ||
    !sameTime(course.startsAt, wanted.startsAt) ||
    !sameTime(course.endsAt, wanted.endsAt) ||
    course.durationWeeks !== wanted.durationWeeks ||
    JSON.stringify(course.outcomes) !== JSON.stringify(wanted.outcomes) ||
    JSON.stringify(course.topics) !== JSON.stringify(wanted.topics) ||
    course.audience !== wanted.audience ||
    course.chosenColor !== wanted.chosenColor
  ) {
    await tx.update(Course, { id: course.id }, wanted);
    changes++;
  }

  changes += await importImages(tx, course, file);

  const modules = await tx.find(CourseModule, { where: { courseId: course.id }, order: { position: 'ASC' } });
  for (const [index, moduleFile] of file.modules.entries()) {
    const position = index + 1;
    const opensAt = startsAt ? new Date(startsAt.getTime() + moduleFile.opensAfterWeeks * WEEK_MS) : null;
    let module = modules.find((m) => m.position === position);
    if (!module) {
      module = await tx.save(tx.create(CourseModule, { courseId: course.id, position, title: moduleFile.title, part: moduleFile.part, opensAt }));
      changes++;
    } else if (module.title !== moduleFile.title || module.part !== moduleFile.part || !sameTime(module.opensAt, opensAt)) {
      await tx.update(CourseModule, { id: module.id }, { title: moduleFile.title, part: moduleFile.part, opensAt });
      changes++;
    }

    const lessons = await tx.find(Lesson, { where: { moduleId: module.id }, order: { position: 'ASC' } });
    for (const [lessonIndex, lessonFile] of moduleFile.lessons.entries()) {
      const lessonPosition = lessonIndex + 1;
      const fields = {
        title: lessonFile.title,
        body: lessonFile.body,
        bodyHtml: renderMarkdown(lessonFile.body, { images: lessonImageResolver(course.id, file.images, lessonFile.folder) }),
        estimatedMinutes: lessonFile.estimatedMinutes,
      };
      const lesson = lessons.find((l) => l.position === lessonPosition);
      if (!lesson) {
        await tx.insert(Lesson, { moduleId: module.id, position: lessonPosition, ...fields });
        changes++;
      } else if (
        lesson.title !== fields.title ||
        lesson.body !== fields.body ||
        lesson.bodyHtml !== fields.bodyHtml ||
        lesson.estimatedMinutes !== fields.estimatedMinutes
      ) {
        await tx.update(Lesson, { id: lesson.id }, fields);
        changes++;
      }
    }
    const extraLessons = lessons.filter((l) => l.position > moduleFile.lessons.length);
    if (extraLessons.length) {
      await tx.delete(Lesson, extraLessons.map((l) => l.id));
      changes += extraLessons.length;
    }
  }
  changes += await importLiveSessions(tx, course, file, startsAt);
  changes += await importAssignments(tx, course, file, startsAt, await tx.find(CourseModule, { where: { courseId: course.id } }));
  changes += await importCover(tx, course, file);
  changes += await importNetworkSpaces(tx, course, file);

  const extraModules = modules.filter((m) => m.position > file.modules.length);
  if (extraModules.length) {
    await tx.delete(CourseModule, extraModules.map((m) => m.id));
    changes += extraModules.length;
  }
  return changes;
}

/**
 * The spaces its alumni are invited into, by slug: made to match the file's list when it has one (rows that
 * match are not touched). A slug naming no THEME, COUNTRY or NETWORK space yet is skipped: import again once
 * the space exists (`pnpm seed` makes the demo's and links them too).
 */
async function importNetworkSpaces(tx: EntityManager, course: Course, file: CourseFile): Promise<number> {
  if (file.networkSpaces === null) return 0;
  const wanted: { id: string }[] = await tx.query(`SELECT id FROM space WHERE slug = ANY($1::text[]) AND kind <> 'COURSE'`, [file.networkSpaces]);
  const ids = wanted.map((w) => w.id);
  const removed = await returnedRows(tx, `DELETE FROM course_network_space WHERE course_id = $1 AND NOT (space_id = ANY($2::uuid[])) RETURNING space_id`, [course.id, ids]);
  const added = await tx.query(`INSERT INTO course_network_space (course_id, space_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING space_id`, [course.id, ids]);
  return removed.length + added.length;
}

/** The course's cover, written only when its image (by SHA-256) or its text changed; removed with its `cover:` line. */
async function importCover(tx: EntityManager, course: Course, file: CourseFile): Promise<number> {
  const [stored]: { sha256: string; alt: string }[] = await tx.query(`SELECT sha256, alt FROM course_cover WHERE course_id = $1`, [course.id]);
  const cover = file.cover;
  if (!cover) {
    if (!stored) return 0;
    await tx.query(`DELETE FROM course_cover WHERE course_id = $1`, [course.id]);
    return 1;
  }
  if (stored?.sha256 === cover.sha256 && stored.alt === cover.alt) return 0;
  await tx.query(
    `INSERT INTO course_cover (course_id, content_type, bytes, sha256, width, height, alt) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (course_id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes, sha256 = excluded.sha256,
       width = excluded.width, height = excluded.height, alt = excluded.alt, updated_at = now()`,
    [course.id, cover.contentType, cover.bytes, cover.sha256, cover.width, cover.height, cover.alt],
  );
  return 1;
}

/** The images the lessons show, by path in the course folder: written when new or changed, removed when no lesson shows them any more. */
async function importImages(tx: EntityManager, course: Course, file: CourseFile): Promise<number> {
  const stored: { path: string; sha256: string }[] = await tx.query(`SELECT path, sha256 FROM course_image WHERE course_id = $1`, [course.id]);
  const removed = await returnedRows(tx, `DELETE FROM course_image WHERE course_id = $1 AND NOT (path = ANY($2::text[])) RETURNING path`, [
    course.id,
    file.images.map((image) => image.path),
  ]);
  let changes = removed.length;
  for (const image of file.images) {
    if (stored.some((row) => row.path === image.path && row.sha256 === image.sha256)) continue;
    await tx.query(
      `INSERT INTO course_image (course_id, path, content_type, bytes, sha256, width, height) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (course_id, path) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes, sha256 = excluded.sha256,
         width = excluded.width, height = excluded.height, updated_at = now()`,
      [course.id, image.path, image.contentType, image.bytes, image.sha256, image.width, image.height],
    );
    changes++;
  }
  return changes;
}

/** The instant of a week and day of the course (day 1 = the course's first day of that week) at a time of day in its zone. */
function courseTime(startsAt: Date, timeZone: string, { week, day, time }: { week: number; day: number; time: string }): Date {
  const date = new Date(`${dateInZone(startsAt, timeZone)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + (week - 1) * 7 + (day - 1));
  return zonedTimeToInstant(date.toISOString().slice(0, 10), time, timeZone);
}

/**
 * Assignments are matched by their instructions file within the course (`content_key`). The rubric is
 * written again only while nothing is graded (a graded rubric stays, as in the app); an assignment gone
 * from the files is removed unless work was handed in for it. Without a start date there is no due time.
 */
async function importAssignments(tx: EntityManager, course: Course, file: CourseFile, startsAt: Date | null, modules: CourseModule[]): Promise<number> {
  let changes = 0;
  const existing = await tx.find(Assignment, { where: { courseId: course.id } });
  const keys = new Set<string>();
  for (const [index, moduleFile] of file.modules.entries()) {
    const moduleId = modules.find((m) => m.position === index + 1)!.id;
    for (const wanted of moduleFile.assignments) {
      keys.add(wanted.file);
      const fields = {
        moduleId,
        title: wanted.title,
        instructions: wanted.instructions,
        instructionsHtml: renderMarkdown(wanted.instructions),
        dueAt: startsAt && wanted.due ? courseTime(startsAt, file.timeZone, wanted.due) : null,
        groupWork: wanted.groupWork,
        shareWithCohort: wanted.shareWithCohort,
        required: wanted.required,
        passPoints: wanted.passPoints,
      };
      let assignment = existing.find((a) => a.contentKey === wanted.file);
      if (!assignment) {
        assignment = await tx.save(tx.create(Assignment, { courseId: course.id, contentKey: wanted.file, ...fields }));
        changes++;
      } else if ((Object.keys(fields) as (keyof typeof fields)[]).some((key) => (key === 'dueAt' ? !sameTime(assignment!.dueAt, fields.dueAt) : assignment![key] !== fields[key]))) {
        await tx.update(Assignment, { id: assignment.id }, fields);
        changes++;
      }
      const criteria = await tx.find(RubricCriterion, { where: { assignmentId: assignment.id }, order: { position: 'ASC' } });
      const same = JSON.stringify(criteria.map((c) => [c.title, c.description, c.maxPoints])) === JSON.stringify(wanted.rubric.map((c) => [c.title, c.description, c.maxPoints]));
      const [graded] = same ? [] : await tx.query(`SELECT 1 FROM grade g JOIN submission s ON s.id = g.submission_id WHERE s.assignment_id = $1 LIMIT 1`, [assignment.id]);
      if (!same && !graded) {
        await tx.delete(RubricCriterion, { assignmentId: assignment.id });
        await tx.insert(RubricCriterion, wanted.rubric.map((c, i) => ({ assignmentId: assignment!.id, position: i + 1, ...c })));
        changes++;
      }
    }
  }
  for (const gone of existing.filter((a) => a.contentKey !== null && !keys.has(a.contentKey))) {
    const [handedIn] = await tx.query(`SELECT 1 FROM submission WHERE assignment_id = $1 AND submitted_at IS NOT NULL LIMIT 1`, [gone.id]);
    if (handedIn) continue;
    await tx.delete(Assignment, { id: gone.id });
    changes++;
  }
  return changes;
}

/**
 * Sessions are matched by title within the course. A session whose time moved gets a new version,
 * so calendars update and the worker re-plans its reminders. Sessions trainers added in the app are
 * left alone. Without a start date there is nothing to place them against.
 */
async function importLiveSessions(tx: EntityManager, course: Course, file: CourseFile, startsAt: Date | null): Promise<number> {
  if (!startsAt || file.liveSessions.length === 0) return 0;
  let changes = 0;
  const existing = await tx.find(LiveSession, { where: { courseId: course.id } });
  for (const session of file.liveSessions) {
    const at = courseTime(startsAt, file.timeZone, session);
    const found = existing.find((s) => s.title === session.title);
    if (!found) {
      await tx.insert(LiveSession, {
        courseId: course.id,
        title: session.title,
        startsAt: at,
        durationMinutes: session.durationMinutes,
        joinUrl: session.joinUrl,
        breakoutGroups: [],
      });
      changes++;
    } else if (found.startsAt.getTime() !== at.getTime() || found.durationMinutes !== session.durationMinutes || found.joinUrl !== session.joinUrl) {
      const moved = found.startsAt.getTime() !== at.getTime() || found.durationMinutes !== session.durationMinutes;
      await tx.update(LiveSession, { id: found.id }, {
        startsAt: at,
        durationMinutes: session.durationMinutes,
        joinUrl: session.joinUrl,
        sequence: moved ? found.sequence + 1 : found.sequence,
      });
      changes++;
    }
  }
  return changes;
}
