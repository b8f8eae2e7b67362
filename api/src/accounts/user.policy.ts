import { createHash } from 'node:crypto';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '@kapwa/shared';
import { Role } from './role.js';
import type { User } from './user.entity.js';

/**
 * How a person appears to a viewer: the one name policy. Every `User` field except `id` and
 * `displayName` is resolved through `visibleUserFields` (see user.resolver.ts), whatever road
 * (enrolments, sessions, attendance, mutations' answers) led to the person.
 */
export function isAdmin(viewer: User | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

/** The `User` fields beyond `id` and `displayName`; each is shown only when the policy allows it. */
export const PRIVATE_USER_FIELDS = [
  'email',
  'country',
  'timeZone',
  'locale',
  'roles',
  'organization',
  'emailVerified',
  'lastSignInAt',
  'suspendedAt',
  'twoFactorEnabled',
  'twoFactorRequired',
] as const;
export type PrivateUserField = (typeof PRIVATE_USER_FIELDS)[number];

/** What the policy needs to know beyond the two people, looked up once per request (user.resolver.ts). */
export interface PersonFacts {
  /** The viewer is a trainer of a course the person is a member of. */
  trainsThem: boolean;
  /**
   * The person hides from everyone but themselves and admins (display name only, even to their trainers).
   * No path sets it today: the directory's HIDDEN visibility (the default) adds nothing, and takes nothing away.
   */
  hidden?: boolean;
  /**
   * The person is listed in the directory to signed-in members (a MEMBERS profile on an active account:
   * directory/directory.policy.ts). A signed-in viewer then sees what the directory shows of them.
   */
  listed?: boolean;
  /** Where the person is shown, when the place narrows what viewers see of them (see `shownAs`). */
  context?: PersonContext;
}

/**
 * Places that show a person with less than usual. BLIND_REVIEW: an applicant as a grant reviewer sees
 * them: no name, no email, no id that leads elsewhere; only where they come from (country, organization).
 */
export type PersonContext = 'BLIND_REVIEW';
const CONTEXT = Symbol('person context');

/**
 * The person as shown in `context`: a copy carrying the context, which every `User` field then passes
 * through the policy with. In a blind review the id is a stable pseudonym (per person and `scope`, e.g.
 * the application), so nothing ties the applicant to the person seen elsewhere.
 */
export function shownAs(user: User, context: PersonContext, scope: string): User {
  const id = pseudonymousId(user.id, scope);
  return Object.assign(Object.create(Object.getPrototypeOf(user)) as User, user, { id, [CONTEXT]: context });
}

export function contextOf(user: Pick<User, 'id'>): PersonContext | undefined {
  return (user as { [CONTEXT]?: PersonContext })[CONTEXT];
}

function pseudonymousId(userId: string, scope: string): string {
  const hex = createHash('sha256').update(`kapwa person\n${userId}\n${scope}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The name shown in a blind review instead of the person's. */
export const BLIND_DISPLAY_NAME = 'Applicant';

const EVERYTHING: ReadonlySet<PrivateUserField> = new Set(PRIVATE_USER_FIELDS);
/** What a course's trainers need to run it: where the member comes from (e.g. breakout groups by country). */
const FOR_THEIR_TRAINERS: ReadonlySet<PrivateUserField> = new Set(['country', 'organization']);
/** What signed-in members see of a person who lists themselves in the directory: where they work and come from. */
const FOR_DIRECTORY_MEMBERS: ReadonlySet<PrivateUserField> = new Set(['country', 'organization']);
const NAME_ONLY: ReadonlySet<PrivateUserField> = new Set();
/** What a blind reviewer may know of an applicant: where they come from, never who they are. */
const BLIND_REVIEW: ReadonlySet<PrivateUserField> = new Set(['country', 'organization']);

/** Whether the viewer needs `PersonFacts` at all: the person and admins see everything without asking. */
export function seesEverything(viewer: User | null, user: Pick<User, 'id'>): boolean {
  return !!viewer && (viewer.id === user.id || isAdmin(viewer));
}

/**
 * Which private fields of `user` the viewer sees: the person and admins everything; the trainers of
 * a course the person belongs to their country and organization; signed-in members the same of a
 * person listed in the directory (MEMBERS); everyone else the display name only. A HIDDEN profile
 * (the default) adds nothing.
 */
export function visibleUserFields(viewer: User | null, user: Pick<User, 'id'>, facts: PersonFacts): ReadonlySet<PrivateUserField> {
  if (facts.context === 'BLIND_REVIEW') return isAdmin(viewer) ? EVERYTHING : BLIND_REVIEW;
  if (seesEverything(viewer, user)) return EVERYTHING;
  if (facts.hidden) return NAME_ONLY;
  if (facts.trainsThem) return FOR_THEIR_TRAINERS;
  return viewer && facts.listed ? FOR_DIRECTORY_MEMBERS : NAME_ONLY;
}

/**
 * What a hidden field reads as. Nullable fields are null; the contract makes `timeZone`, `locale` and
 * `roles` non-null, so they read as the platform's defaults and no roles: values every account could
 * have, which tell nothing about the person.
 */
export const HIDDEN_VALUE = {
  email: null,
  country: null,
  organization: null,
  timeZone: DEFAULT_TIME_ZONE,
  locale: DEFAULT_LOCALE,
  roles: [] as Role[],
  emailVerified: null,
  lastSignInAt: null,
  suspendedAt: null,
  twoFactorEnabled: null,
  twoFactorRequired: null,
} satisfies Record<PrivateUserField, unknown>;

/** The display name: everyone sees it, but in a blind review (admins excepted). */
export function visibleDisplayName(viewer: User | null, user: Pick<User, 'id' | 'displayName'>): string {
  return contextOf(user) === 'BLIND_REVIEW' && !isAdmin(viewer) ? BLIND_DISPLAY_NAME : user.displayName;
}

/** Email addresses are seen by their owner and by admins only. */
export function visibleEmail(viewer: User | null, user: User): string | null {
  return seesEverything(viewer, user) ? user.email : null;
}
