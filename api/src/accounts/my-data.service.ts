import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Everything Kapwa keeps about one person, for "Download my data": their own rows only, and of
 * others nothing (not who trains their courses, who else attended, nor who wrote to them).
 */
@Injectable()
export class MyDataService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async collect(userId: string): Promise<Record<string, unknown>> {
    const q = <T = Record<string, unknown>>(sql: string) => this.db.query(sql, [userId]) as Promise<T[]>;
    // Their directory entry (none when they never wrote one: their profile is then HIDDEN and empty).
    const [directoryProfile = null] = await q(
      `SELECT bio, expertise, languages, visibility, is_focal_point AS "isFocalPoint", updated_at AS "updatedAt" FROM directory_profile WHERE user_id = $1`,
    );
    const [account] = await q(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.country, u.time_zone AS "timeZone", u.locale, u.roles,
              CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'country', o.country) END AS organization,
              u.calendar_token IS NOT NULL AS "calendarFeedActive", u.created_at AS "createdAt"
       FROM app_user u LEFT JOIN organization o ON o.id = u.organization_id WHERE u.id = $1`,
    );
    const [enrollments, certificates, evaluations, notifications, attendance, submissions, uploads, grantApplications, grantReviews, grantConflicts, posts, spaces, postReports, resources, notificationPreferences, notificationSettings, spaceInvitations] =
      await Promise.all([
      q(`SELECT c.slug AS "courseSlug", c.title AS "courseTitle", e.role, e.status, e.group_name AS "group", e.created_at AS "enrolledAt",
                e.completed_at AS "completedAt",
                coalesce((SELECT json_agg(json_build_object('lesson', l.title, 'completedAt', lc.completed_at) ORDER BY lc.completed_at)
                          FROM lesson_completion lc JOIN lesson l ON l.id = lc.lesson_id WHERE lc.enrollment_id = e.id), '[]') AS "completedLessons"
         FROM enrollment e JOIN course c ON c.id = e.course_id WHERE e.user_id = $1 ORDER BY e.created_at`),
      q(`SELECT cert.code, c.title AS "courseTitle", cert.holder_name AS "holderName", cert.issued_at AS "issuedAt"
         FROM certificate cert JOIN enrollment e ON e.id = cert.enrollment_id JOIN course c ON c.id = cert.course_id
         WHERE e.user_id = $1 ORDER BY cert.issued_at`),
      q(`SELECT c.title AS "courseTitle", ev.relevance, ev.usefulness, ev.comment, ev.submitted_at AS "submittedAt"
         FROM course_evaluation ev JOIN course c ON c.id = ev.course_id WHERE ev.user_id = $1 ORDER BY ev.submitted_at`),
      q(`SELECT kind, title, body, link, created_at AS "createdAt", read_at AS "readAt" FROM notification WHERE user_id = $1 ORDER BY created_at`),
      q(`SELECT s.title AS "session", c.title AS "courseTitle", s.starts_at AS "startsAt", a.status, a.recorded_at AS "recordedAt"
         FROM session_attendance a JOIN live_session s ON s.id = a.session_id JOIN course c ON c.id = s.course_id
         WHERE a.user_id = $1 ORDER BY s.starts_at`),
      // Work they handed in or helped write (their group's), with grades once released.
      q(`SELECT a.title AS "assignment", c.title AS "courseTitle", s.group_name AS "group", s.body, s.status, s.submitted_at AS "submittedAt",
                CASE WHEN g.released_at IS NOT NULL THEN g.score END AS "score", CASE WHEN g.released_at IS NOT NULL THEN g.feedback END AS "feedback"
         FROM submission s JOIN assignment a ON a.id = s.assignment_id JOIN course c ON c.id = a.course_id LEFT JOIN grade g ON g.submission_id = s.id
         WHERE s.learner_id = $1 OR EXISTS (SELECT 1 FROM submission_editor se WHERE se.submission_id = s.id AND se.user_id = $1)
         ORDER BY s.created_at`),
      // Files they uploaded (each downloads from /media/<id>/<rendition> with their own sign-in, while it is kept).
      q(`SELECT id, filename, content_type AS "type", kind, purpose, size_bytes::float8 AS "sizeBytes", status, failure_reason AS "failureReason",
                created_at AS "createdAt", processed_at AS "processedAt", original_kept AS "originalKept"
         FROM media_asset WHERE owner_id = $1 ORDER BY created_at, id`),
      // Grant applications they started (their organization's), reviews they wrote and conflicts they declared.
      q(`SELECT gc.title AS "call", o.name AS "organization", ga.title, ga.summary, ga.currency, ga.budget_lines AS "budgetLines",
                ga.public_consent AS "publicConsent", ga.status, ga.submitted_at AS "submittedAt", ga.decided_at AS "decidedAt"
         FROM grant_application ga JOIN grant_call gc ON gc.id = ga.call_id JOIN organization o ON o.id = ga.organization_id
         WHERE ga.applicant_id = $1 ORDER BY ga.created_at`),
      q(`SELECT gc.title AS "call", ga.title AS "application", r.weighted_score AS "weightedScore", r.comment, r.submitted_at AS "submittedAt"
         FROM grant_review r JOIN grant_application ga ON ga.id = r.application_id JOIN grant_call gc ON gc.id = ga.call_id
         WHERE r.reviewer_id = $1 ORDER BY r.submitted_at`),
      q(`SELECT ga.title AS "application", c.reason, c.declared_at AS "declaredAt"
         FROM grant_conflict c JOIN grant_application ga ON ga.id = c.application_id WHERE c.reviewer_id = $1 ORDER BY c.declared_at`),
      // What they wrote in the community (hidden posts too: they are theirs), with the thread and space it is in.
      q(`SELECT sp.title AS "space", t.title AS "thread", p.opening AS "startedThread", p.body, p.created_at AS "createdAt", p.edited_at AS "editedAt",
                p.hidden_at IS NOT NULL AS "hidden", p.hidden_reason AS "hiddenReason"
         FROM post p JOIN thread t ON t.id = p.thread_id JOIN space sp ON sp.id = t.space_id WHERE p.author_id = $1 ORDER BY p.created_at, p.id`),
      q(`SELECT sp.title AS "space", m.joined_at AS "joinedAt" FROM space_member m JOIN space sp ON sp.id = m.space_id WHERE m.user_id = $1 ORDER BY m.joined_at`),
      q(`SELECT r.reason, r.created_at AS "createdAt" FROM post_report r WHERE r.reporter_id = $1 ORDER BY r.created_at`),
      // Resources they added to the library or suggested, with what became of each suggestion.
      q(`SELECT r.title, r.description, r.kind, r.url, r.media_asset_id AS "fileId", r.language, r.tags, r.countries, r.status,
                r.review_reason AS "reviewReason", r.reviewed_at AS "reviewedAt", r.created_at AS "createdAt"
         FROM resource r WHERE r.added_by = $1 ORDER BY r.created_at, r.id`),
      // Which notifications they get by email, their digest, and the invitations into spaces they were sent.
      q(`SELECT kind, email, updated_at AS "updatedAt" FROM notification_preference WHERE user_id = $1 ORDER BY kind`),
      q(`SELECT digest, all_email_off AS "allEmailOff", updated_at AS "updatedAt" FROM notification_setting WHERE user_id = $1`),
      q(`SELECT sp.title AS "space", c.title AS "courseTitle", i.created_at AS "invitedAt", i.answered_at AS "answeredAt", i.accepted
         FROM space_invitation i JOIN space sp ON sp.id = i.space_id LEFT JOIN course c ON c.id = i.course_id WHERE i.user_id = $1 ORDER BY i.created_at, sp.title`),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      account,
      enrollments,
      certificates,
      evaluations,
      notifications,
      attendance,
      submissions,
      uploads,
      grantApplications,
      grantReviews,
      grantConflicts,
      posts,
      spaces,
      postReports,
      resources,
      directoryProfile,
      notificationPreferences: { kinds: notificationPreferences, settings: notificationSettings[0] ?? null },
      spaceInvitations,
    };
  }
}
