import type { EntityManager } from 'typeorm';

/**
 * Of these people, those who belong to a course the viewer trains: the relation the name policy
 * gives trainers more sight by, and the only people a trainer may add to a course by id.
 */
export async function trainedByViewer(db: Pick<EntityManager, 'query'>, viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
  const rows: { user_id: string }[] = await db.query(
    `SELECT DISTINCT member.user_id FROM enrollment member
     JOIN enrollment trainer ON trainer.course_id = member.course_id AND trainer.role = 'TRAINER' AND trainer.user_id = $1
     WHERE member.user_id = ANY($2::uuid[])`,
    [viewerId, [...userIds]],
  );
  return new Set(rows.map((r) => r.user_id));
}
