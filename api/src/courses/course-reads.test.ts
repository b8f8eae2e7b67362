import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * Who may see a course is decided in course.policy.ts. Code that reads course rows any other way
 * would show drafts to learners, so every read of the `course` table in the API either filters with
 * visibleCourseSql in the same statement, or is listed here with the reason it needs no filter.
 * A new capability (assignments, community, grants…) reaches a course by id through CourseVisibility.
 */
const UNFILTERED_READS: Record<string, { reads: number; why: string }> = {
  'courses/course-visibility.service.ts': { reads: 2, why: 'the reads that canSeeCourse then decides on' },
  'courses/course-outlines.service.ts': {
    reads: 2,
    why: 'a course by its address, handed to CourseVisibility before anyone sees it; the outlines of courses the request already found visible',
  },
  'live-sessions/calendar.service.ts': { reads: 1, why: 'names the courses of sessions its callers have already filtered' },
  'live-sessions/live-sessions.service.ts': { reads: 1, why: "a session notice's course title, sent only to members who may see it" },
  'courses/content/import-courses.ts': { reads: 1, why: 'the content import run by operators, not a viewer' },
  'cli/seed-demo.ts': { reads: 2, why: 'demo data for development, not a viewer' },
  'accounts/my-data.service.ts': { reads: 6, why: "the person's own records (enrolments, certificates, evaluations, attendance, assignment work, invitations into spaces) in their data export" },
  'certificates/certificates.service.ts': { reads: 1, why: 'the title for the notice of a certificate, issued only to a learner who completed the course' },
  'courses/invitations.service.ts': { reads: 1, why: "the title in an invitation the course's own trainer sends" },
  'directory/directory.service.ts': { reads: 1, why: "the topics of courses the person themselves completed, offered as their own expertise" },
  'network/alumni-invitations.ts': { reads: 1, why: 'the title in the invitation into its network sent to a learner who has just completed the course' },
  'network/space-invitations.service.ts': { reads: 1, why: "the title of the course an invitation came from, shown to the invited person, who completed it" },
};

const READS = [
  /getRepository\(Course\)/g,
  /\.(find\w*|exist\w*|count\w*)\(Course\b/g,
  /\b(FROM|JOIN)\s+course\b(?!_)/gi,
  /\.(inner|left)Join(AndSelect)?\(\s*'course'/g,
];

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Reads of course rows whose statement (up to its closing `;`) does not apply visibleCourseSql. */
function unfilteredReads(text: string): number {
  let count = 0;
  for (const pattern of READS) {
    for (const match of text.matchAll(pattern)) {
      const end = text.indexOf(';', match.index);
      if (!text.slice(match.index, end === -1 ? undefined : end).includes('visibleCourseSql(')) count++;
    }
  }
  return count;
}

describe('reads of courses', () => {
  it('all apply the visibility rule, apart from the few listed with their reason', () => {
    const found = Object.fromEntries(
      sources(SRC)
        .map((path) => [relative(SRC, path).split('\\').join('/'), unfilteredReads(readFileSync(path, 'utf8'))] as const)
        .filter(([, reads]) => reads > 0),
    );
    const allowed = Object.fromEntries(Object.entries(UNFILTERED_READS).map(([file, { reads }]) => [file, reads]));
    expect(found).toEqual(allowed);
  });

  it('count a read that forgets the rule, and not one that applies it', () => {
    expect(unfilteredReads(`const c = await tx.findOneBy(Course, { id });`)).toBe(1);
    expect(unfilteredReads("await db.query(`SELECT s.* FROM live_session s JOIN course c ON c.id = s.course_id`);")).toBe(1);
    expect(unfilteredReads("q.innerJoin('course', 'c', `c.id = s.course_id AND ${visibleCourseSql('c', ':viewer')}`);")).toBe(0);
    expect(unfilteredReads('SELECT 1 FROM course_module m;')).toBe(0);
  });
});
