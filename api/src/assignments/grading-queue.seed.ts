/**
 * Fills an assignment's grading queue with `count` learners' submitted work, each with an attachment, an
 * editor and an earlier grade (work returned and handed in again), in a handful of statements: for the
 * statement-count test and the grading-queue benchmark (test/bench/grading-queue.mjs), which compare a
 * queue of 10 with one of 1,000.
 */
export async function seedGradingQueue(
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  { courseId, assignmentId, graderId, count, tag }: { courseId: string; assignmentId: string; graderId: string; count: number; tag: string },
): Promise<void> {
  await db.query(
    `WITH people AS (
       INSERT INTO app_user (email, password_hash, display_name, time_zone, locale)
       SELECT 'queue-' || $5 || '-' || i || '@example.org', 'not a hash', 'Learner ' || i, 'Asia/Bangkok', 'en' FROM generate_series(1, $4::int) AS i
       RETURNING id
     ), members AS (
       INSERT INTO enrollment (course_id, user_id, role, status, group_name)
       SELECT $1, id, 'LEARNER', 'ACTIVE', (ARRAY['Nepal', 'Thailand', 'Myanmar'])[1 + (row_number() OVER ()) % 3] FROM people
       RETURNING user_id
     ), work AS (
       INSERT INTO submission (assignment_id, learner_id, body, body_html, status, submitted_at, version, last_editor_id)
       SELECT $2, user_id, 'An answer.', '<p>An answer.</p>', 'SUBMITTED', now() - make_interval(secs => row_number() OVER ()), 3, user_id FROM members
       RETURNING id, learner_id
     ), files AS (
       INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status, kind, renditions)
       SELECT gen_random_uuid(), learner_id, 'ASSIGNMENT_ATTACHMENT', 'map.pdf', 'application/pdf', 1000, 'READY', 'DOCUMENT',
              '{"original": {"contentType": "application/pdf", "sizeBytes": 1000}}'::jsonb FROM work
       RETURNING id, owner_id
     ), attached AS (
       INSERT INTO submission_attachment (submission_id, media_asset_id, position)
       SELECT w.id, f.id, 1 FROM work w JOIN files f ON f.owner_id = w.learner_id
     ), editors AS (
       INSERT INTO submission_editor (submission_id, user_id) SELECT id, learner_id FROM work
     ), grades AS (
       INSERT INTO grade (submission_id, grader_id, version, score, feedback, released_at)
       SELECT id, $3, 1, 1, 'Revise and hand in again.', now() FROM work
     )
     INSERT INTO criterion_score (submission_id, criterion_id, points, comment)
     SELECT w.id, rc.id, CASE WHEN rc.position = 1 THEN 1 ELSE 0 END, 'Needs sources.' FROM work w CROSS JOIN rubric_criterion rc WHERE rc.assignment_id = $2`,
    [courseId, assignmentId, graderId, count, tag],
  );
}

/** Everything a grader's queue page reads for each submission. */
export const GRADING_QUEUE_PAGE = `query GradingQueue($courseId: ID!) {
  gradingQueue(courseId: $courseId) {
    id status version body bodyHtml group late submittedAt updatedAt returnedAt returnComment
    learner { id displayName country organization { id } }
    lastEditor { id displayName }
    contributors { id displayName }
    attachments { id filename contentType sizeBytes status url audioUrl thumbnailUrl }
    assignment { id title maxPoints dueAt groupWork rubric { id title maxPoints } course { id title } }
    grade { version score feedback releasedAt grader { id displayName } criterionScores { points comment criterion { id title } } }
  }
}`;
