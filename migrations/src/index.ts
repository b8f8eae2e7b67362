import { Accounts1764000000000 } from './1764000000000-accounts.js';
import { Courses1764100000000 } from './1764100000000-courses.js';
import { LiveSessionsNotifications1764200000000 } from './1764200000000-live-sessions-notifications.js';
import { InvitationsAccountDeletion1764600000000 } from './1764600000000-invitations-account-deletion.js';

/** Every migration, oldest first. Add each new one here. */
export const migrations = [Accounts1764000000000, Courses1764100000000, LiveSessionsNotifications1764200000000, InvitationsAccountDeletion1764600000000];
