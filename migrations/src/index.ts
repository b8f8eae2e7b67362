import { Accounts1764000000000 } from './1764000000000-accounts.js';
import { Courses1764100000000 } from './1764100000000-courses.js';
import { LiveSessionsNotifications1764200000000 } from './1764200000000-live-sessions-notifications.js';
import { AccountRecovery1764400000000 } from './1764400000000-account-recovery.js';

/** Every migration, oldest first. Add each new one here. */
export const migrations = [Accounts1764000000000, Courses1764100000000, LiveSessionsNotifications1764200000000, AccountRecovery1764400000000];
