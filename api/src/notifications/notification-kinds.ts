/**
 * Every kind of notification, in one registry: its group on the preferences page, the key of its label in
 * the web app's translations, and whether it is emailed by default. A kind not listed here (one another part
 * adds later) still works everywhere: it is in the OTHER group, emailed by default, labelled by its own name,
 * and its email can be turned off and unsubscribed from like any other: preferences are read by the one
 * delivery path (NotificationsService.deliver), not by the code that notifies.
 *
 * Defaults (documented in the README):
 * - every kind is shown in the app, always;
 * - every kind is emailed, except a reply to one's thread, which the community digest (DAILY by default)
 *   carries instead; choosing no digest (OFF) brings back an email per reply;
 * - mentions are emailed at once;
 * - ACCOUNT kinds (password reset, email confirmation) always send and are not on the page at all.
 */
export type NotificationGroup = 'COMMUNITY' | 'COURSES' | 'SESSIONS' | 'GRANTS' | 'NETWORK' | 'OTHER' | 'ACCOUNT';

export interface NotificationKind {
  group: NotificationGroup;
  /** The web app's translation key of the kind's name. */
  labelKey: string;
  /** Emailed unless the person turned it off. */
  emailByDefault: boolean;
  /** While a community digest is chosen, this kind's emails are replaced by the digest. */
  replacedByDigest?: boolean;
}

/** The digest itself, a kind too, so its emails carry an unsubscribe link (which turns the digest OFF). */
export const DIGEST_KIND = 'COMMUNITY_DIGEST';
/** The unsubscribe scope "every email that may be turned off". */
export const ALL_KINDS = 'ALL';

const kind = (group: NotificationGroup, name: string, extra: Partial<NotificationKind> = {}): NotificationKind => ({
  group,
  labelKey: `notificationKinds.${name}`,
  emailByDefault: true,
  ...extra,
});

export const NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  MENTIONED: kind('COMMUNITY', 'MENTIONED'),
  THREAD_REPLY: kind('COMMUNITY', 'THREAD_REPLY', { replacedByDigest: true }),
  POST_HIDDEN: kind('COMMUNITY', 'POST_HIDDEN'),
  [DIGEST_KIND]: kind('COMMUNITY', DIGEST_KIND),
  SPACE_INVITATIONS: kind('NETWORK', 'SPACE_INVITATIONS'),
  COURSE_MEMBER_ADDED: kind('COURSES', 'COURSE_MEMBER_ADDED'),
  CERTIFICATE_ISSUED: kind('COURSES', 'CERTIFICATE_ISSUED'),
  GRADE_RELEASED: kind('COURSES', 'GRADE_RELEASED'),
  SUBMISSION_RETURNED: kind('COURSES', 'SUBMISSION_RETURNED'),
  SESSION_REMINDER: kind('SESSIONS', 'SESSION_REMINDER'),
  SESSION_SCHEDULED: kind('SESSIONS', 'SESSION_SCHEDULED'),
  SESSION_CANCELLED: kind('SESSIONS', 'SESSION_CANCELLED'),
  SESSION_RESCHEDULED: kind('SESSIONS', 'SESSION_RESCHEDULED'),
  GRANT_REVIEW_ASSIGNED: kind('GRANTS', 'GRANT_REVIEW_ASSIGNED'),
  GRANT_DECIDED: kind('GRANTS', 'GRANT_DECIDED'),
  // Account security: always sent, never on the preferences page, no unsubscribe link.
  PASSWORD_RESET: kind('ACCOUNT', 'PASSWORD_RESET'),
  VERIFY_EMAIL: kind('ACCOUNT', 'VERIFY_EMAIL'),
  CHANGE_EMAIL: kind('ACCOUNT', 'CHANGE_EMAIL'),
  EMAIL_CHANGE_REQUESTED: kind('ACCOUNT', 'EMAIL_CHANGE_REQUESTED'),
};

/** A kind's entry; an unlisted kind gets the generic one. */
export function kindOf(name: string): NotificationKind {
  return NOTIFICATION_KINDS[name] ?? { group: 'OTHER', labelKey: `notificationKinds.${name}`, emailByDefault: true };
}

/** Account-security emails always send, whatever the preferences. */
export function alwaysEmailed(name: string): boolean {
  return kindOf(name).group === 'ACCOUNT';
}

/** Notification kind names as stored (upper-case words): anything else is no kind. */
export const KIND_PATTERN = /^[A-Z][A-Z0-9_]{0,39}$/;
