import { expect, test } from 'vitest';
import { applicationPlace } from './application-link';

const application = { id: 'app-1', call: { id: 'call-1' }, organization: { id: 'org-1' } };

test("a notification's link takes members to their application, admins to the ranking, reviewers to scoring", () => {
  expect(applicationPlace(application, { organizationId: 'org-1', isAdmin: false })).toBe('/grants/call-1/apply');
  expect(applicationPlace(application, { organizationId: null, isAdmin: true })).toBe('/grants/admin/call-1');
  expect(applicationPlace(application, { organizationId: 'org-2', isAdmin: false })).toBe('/grants/reviews/app-1');
});
