import { Accounts1764000000000 } from './1764000000000-accounts.js';
import { Courses1764100000000 } from './1764100000000-courses.js';
import { LiveSessionsNotifications1764200000000 } from './1764200000000-live-sessions-notifications.js';
import { Outbox1764300000000 } from './1764300000000-outbox.js';
import { AccountRecovery1764400000000 } from './1764400000000-account-recovery.js';
import { AdminConsole1764500000000 } from './1764500000000-admin-console.js';
import { InvitationsAccountDeletion1764600000000 } from './1764600000000-invitations-account-deletion.js';
import { TwoFactor1764700000000 } from './1764700000000-two-factor.js';
import { CourseHome1764800000000 } from './1764800000000-course-home.js';
import { MediaAssets1764850000000 } from './1764850000000-media-assets.js';
import { Assignments1764900000000 } from './1764900000000-assignments.js';
import { MediaProcessing1765000000000 } from './1765000000000-media-processing.js';
import { AttachmentAccess1765150000000 } from './1765150000000-attachment-access.js';
import { Grants1765200000000 } from './1765200000000-grants.js';
import { Community1765300000000 } from './1765300000000-community.js';
import { MediaImages1765310000000 } from './1765310000000-media-images.js';
import { Directory1765400000000 } from './1765400000000-directory.js';
import { Resources1765410000000 } from './1765410000000-resources.js';
import { NetworkDigests1765430000000 } from './1765430000000-network-digests.js';
import { OutlineVersion1765500000000 } from './1765500000000-outline-version.js';
import { CourseImages1765600000000 } from './1765600000000-course-images.js';

/** Every migration, oldest first. Add each new one here. */
export const migrations = [
  Accounts1764000000000,
  Courses1764100000000,
  LiveSessionsNotifications1764200000000,
  Outbox1764300000000,
  AccountRecovery1764400000000,
  AdminConsole1764500000000,
  InvitationsAccountDeletion1764600000000,
  TwoFactor1764700000000,
  CourseHome1764800000000,
  MediaAssets1764850000000,
  Assignments1764900000000,
  MediaProcessing1765000000000,
  AttachmentAccess1765150000000,
  Grants1765200000000,
  Community1765300000000,
  MediaImages1765310000000,
  Directory1765400000000,
  Resources1765410000000,
  NetworkDigests1765430000000,
  OutlineVersion1765500000000,
  CourseImages1765600000000,
];
