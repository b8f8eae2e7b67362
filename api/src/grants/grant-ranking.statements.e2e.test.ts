import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { type Person, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { openCall, reviewer } from './grant-fixtures.js';

/** The admins' ranking of a call costs the same SQL statements however many applications it has. */

let api: TestApi;
let admin: Person;
let reviewers: Person[];

const RANKING = `query($id: ID!) {
  grantCall(id: $id) {
    status
    applications { id title status averageScore normalizedScore reviewCount scoreSpread needsMoreReviews organization { name } reviewerAssignments { submitted reviewer { displayName } } }
  }
}`;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  admin = await signUpAdmin(api);
  reviewers = [await reviewer(api, admin, 'Hoa'), await reviewer(api, admin, 'Lee')];
}, 60_000);
afterAll(() => api.close());

/** A call with `count` applications under review, each reviewed by both reviewers (written straight to the database). */
async function callWith(count: number): Promise<string> {
  const call = await openCall(api, admin, { title: `Ranking ${count}` });
  await api.sql(
    `WITH orgs AS (
       INSERT INTO organization (name, country, kind) SELECT 'Ranked ' || $2 || '-' || n, 'NP', 'NGO' FROM generate_series(1, $2::int) n RETURNING id
     ), apps AS (
       INSERT INTO grant_application (call_id, organization_id, applicant_id, title, summary, status, submitted_at, currency, budget_lines)
       SELECT $1, orgs.id, $3, 'Application', 'Summary', 'UNDER_REVIEW', now(), 'THB', '[{"description":"Camera","amount":100}]' FROM orgs RETURNING id
     ), assigned AS (
       INSERT INTO grant_reviewer_assignment (application_id, reviewer_id, assigned_at) SELECT apps.id, r, now() FROM apps CROSS JOIN unnest($4::uuid[]) r RETURNING application_id, reviewer_id
     )
     INSERT INTO grant_review (application_id, reviewer_id, weighted_score, comment, submitted_at)
     SELECT application_id, reviewer_id, 40 + (random() * 60)::int, 'Reviewed.', now() FROM assigned`,
    [call.id, count, admin.id, reviewers.map((r) => r.id)],
  );
  return call.id;
}

async function statementsFor(callId: string): Promise<{ statements: number; length: number }> {
  queryCounter.count = 0;
  const res = await api.gql(RANKING, { id: callId }, admin.token);
  const statements = queryCounter.count;
  expect(res.errors).toBeUndefined();
  const applications = res.data!.grantCall.applications;
  // Every per-row field answered: the count covers them all.
  expect(applications.every((a: any) => a.reviewCount === 2 && a.normalizedScore !== undefined && a.reviewerAssignments.length === 2 && a.reviewerAssignments[0].reviewer.displayName)).toBe(true);
  return { statements, length: applications.length };
}

describe("an admin's ranking of a call", () => {
  it('runs the same number of SQL statements for 3 and for 30 applications', async () => {
    const small = await statementsFor(await callWith(3));
    const large = await statementsFor(await callWith(30));
    expect(small.length).toBe(3);
    expect(large.length).toBe(30);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    console.log(`grant ranking: 3 applications ${small.statements} statements; 30 applications ${large.statements} statements`);
  }, 60_000);
});
