import type { EntityManager } from 'typeorm';

/**
 * Each course has its community space, made with the course (and, for courses older than the forum,
 * by its migration), read by the course's members only (community.policy.ts). Every road that creates
 * a course calls this, in the course's transaction. A second call changes nothing.
 */
export async function createCourseSpace(tx: EntityManager, course: { id: string; slug: string; title: string }, createdBy: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO space (slug, title, description, kind, course_id, created_by) VALUES ('course-' || $1, $2, $3, 'COURSE', $4, $5) ON CONFLICT DO NOTHING`,
    [course.slug, course.title, `Discussion for the members of ${course.title}.`, course.id, createdBy],
  );
}
