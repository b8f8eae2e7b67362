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
   * The person hides their profile. Nobody outside "themselves and admins" sees more than the display
   * name yet, so this changes nothing today; the directory's visibility flag will set it.
   */
  hidden?: boolean;
}

const EVERYTHING: ReadonlySet<PrivateUserField> = new Set(PRIVATE_USER_FIELDS);
/** What a course's trainers need to run it: where the member comes from (e.g. breakout groups by country). */
const FOR_THEIR_TRAINERS: ReadonlySet<PrivateUserField> = new Set(['country', 'organization']);
const NAME_ONLY: ReadonlySet<PrivateUserField> = new Set();

/** Whether the viewer needs `PersonFacts` at all: the person and admins see everything without asking. */
export function seesEverything(viewer: User | null, user: Pick<User, 'id'>): boolean {
  return !!viewer && (viewer.id === user.id || isAdmin(viewer));
}

/**
 * Which private fields of `user` the viewer sees: the person and admins everything; the trainers of
 * a course the person belongs to their country and organization; everyone else the display name only.
 */
export function visibleUserFields(viewer: User | null, user: Pick<User, 'id'>, facts: PersonFacts): ReadonlySet<PrivateUserField> {
  if (seesEverything(viewer, user)) return EVERYTHING;
  if (facts.hidden) return NAME_ONLY;
  return facts.trainsThem ? FOR_THEIR_TRAINERS : NAME_ONLY;
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

/** Email addresses are seen by their owner and by admins only. */
export function visibleEmail(viewer: User | null, user: User): string | null {
  return seesEverything(viewer, user) ? user.email : null;
}
