import type { EntityManager } from 'typeorm';
import { listedSql } from '../directory/directory.policy.js';

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

/**
 * Of these people, those listed in the directory to signed-in members (the directory's one read rule):
 * the relation the name policy shows their country and organization to members by.
 */
export async function listedToMembers(db: Pick<EntityManager, 'query'>, userIds: readonly string[]): Promise<Set<string>> {
  const rows: { user_id: string }[] = await db.query(
    `SELECT p.user_id FROM directory_profile p JOIN app_user u ON u.id = p.user_id WHERE p.user_id = ANY($1::uuid[]) AND ${listedSql('p', 'u', 'member')}`,
    [[...userIds]],
  );
  return new Set(rows.map((r) => r.user_id));
}
