import { Clock } from '../platform/common/clock.js';
import { grantRoles, type Person, signUp } from '../platform/testing/factories.js';
import type { GraphQLResponse, TestApi } from '../platform/testing/test-app.js';

/** Test helpers for small grants, through the API as the web app calls it. */

/** A fixed calendar for every grants test: the call is open 1–11 March 2027 (UTC instants). */
export const OPENS_AT = '2027-03-01T00:00:00.000Z';
export const CLOSES_AT = '2027-03-11T10:00:00.000Z';
export const DURING = '2027-03-05T06:00:00.000Z';
export const AFTER = '2027-03-20T00:00:00.000Z';

/** Three criteria with different weights and maxima (the worked examples use them). */
export const CRITERIA = [
  { title: 'Relevance to defenders', description: 'Who it protects.', weight: 2, maxScore: 10 },
  { title: 'Feasibility', weight: 1, maxScore: 5 },
  { title: 'Budget', weight: 1, maxScore: 20 },
];

export const CALL_FIELDS = `id title status opensAt closesAt timeZone reviewsWanted eligibleOrganizationKinds criteria { id title weight maxScore }`;
export const CREATE_CALL = `mutation($input: CreateGrantCallInput!) { createGrantCall(input: $input) { ${CALL_FIELDS} } }`;
export const UPDATE_CALL = `mutation($input: UpdateGrantCallInput!) { updateGrantCall(input: $input) { ${CALL_FIELDS} } }`;
export const OPEN_CALL = `mutation($id: ID!) { openGrantCall(callId: $id) { id status } }`;
export const APPLICATION_FIELDS = `id status title summary currency budgetTotal publicConsent submittedAt organization { id } budgetLines { description amount }`;
export const SAVE = `mutation($input: SaveGrantApplicationInput!) { saveGrantApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!) { submitGrantApplication(applicationId: $id) { id status submittedAt } }`;
export const ASSIGN = `mutation($a: ID!, $r: ID!) { assignReviewer(applicationId: $a, reviewerId: $r) { id status } }`;
export const UNASSIGN = `mutation($a: ID!, $r: ID!) { unassignReviewer(applicationId: $a, reviewerId: $r) { id status } }`;
export const DECLARE = `mutation($a: ID!, $reason: String!) { declareConflict(applicationId: $a, reason: $reason) }`;
export const REVIEW = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id weightedScore comment submittedAt scores { score criterion { id } } } }`;
export const DECIDE = `mutation($a: ID!, $s: ApplicationStatus!, $m: String) { decideApplication(applicationId: $a, status: $s, message: $m) { id status decidedAt decisionMessage } }`;
export const APPLICATION = `query($id: ID!) { grantApplication(id: $id) { id status title } }`;

export async function data<T = any>(api: TestApi, query: string, variables: Record<string, unknown>, who?: Person): Promise<T> {
  const res = await api.gql(query, variables, who?.token);
  if (res.errors) throw new Error(`${query.trim().split('\n')[0]} failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export const ask = (api: TestApi, query: string, variables: Record<string, unknown>, who?: Person): Promise<GraphQLResponse> => api.gql(query, variables, who?.token);

/** Moves the API's clock (the Clock every rule reads) to this instant. */
export function setNow(api: TestApi, iso: string): void {
  api.app.get(Clock).now = () => new Date(iso);
}

export async function organization(api: TestApi, admin: Person, name: string, country: string, kind: string): Promise<string> {
  return (await data(api, `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name, country, kind } }, admin))
    .createOrganization.id;
}

export async function member(api: TestApi, organizationId: string | null, displayName: string, extra: Record<string, unknown> = {}): Promise<Person> {
  return signUp(api, { displayName, ...(organizationId && { organizationId }), ...extra });
}

export async function reviewer(api: TestApi, admin: Person, displayName: string, organizationId: string | null = null): Promise<Person> {
  const person = await member(api, organizationId, displayName);
  await grantRoles(api, admin, person, ['REVIEWER']);
  return person;
}

/** An open call (created and opened by the admin, with the clock inside it). */
export async function openCall(api: TestApi, admin: Person, input: Record<string, unknown> = {}) {
  setNow(api, DURING);
  const call = (await data(api, CREATE_CALL, { input: { title: 'Small grants 2027', description: 'Documentary projects.', opensAt: OPENS_AT, closesAt: CLOSES_AT, criteria: CRITERIA, timeZone: 'Asia/Bangkok', ...input } }, admin))
    .createGrantCall as { id: string; criteria: { id: string; weight: number; maxScore: number }[] };
  await data(api, OPEN_CALL, { id: call.id }, admin);
  return call;
}

/** A video uploaded and processed (READY) as `owner`'s, straight into the database: the media tests upload for real. */
export async function readyVideo(api: TestApi, owner: Person, status = 'READY'): Promise<string> {
  const [{ id }] = await api.sql<{ id: string }>(
    `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status, updated_at)
     VALUES (gen_random_uuid(), $1, 'GRANT_VIDEO', 'film.mp4', 'video/mp4', 10, $2, now()) RETURNING id`,
    [owner.id, status],
  );
  return id;
}

export const BUDGET = [
  { description: 'Camera hire', amount: 12000 },
  { description: 'Travel to the districts', amount: 8000.5 },
];

/** A complete application saved by `who` for their organization (not yet submitted). */
export async function savedApplication(api: TestApi, who: Person, organizationId: string, callId: string, input: Record<string, unknown> = {}) {
  const videoId = await readyVideo(api, who);
  return (
    await data(api, SAVE, { input: { callId, organizationId, title: 'Voices of the districts', summary: 'A film on defenders.', videoId, currency: 'THB', budgetLines: BUDGET, ...input } }, who)
  ).saveGrantApplication as { id: string; status: string };
}

/** A submitted application. */
export async function submittedApplication(api: TestApi, who: Person, organizationId: string, callId: string, input: Record<string, unknown> = {}) {
  const saved = await savedApplication(api, who, organizationId, callId, input);
  await data(api, SUBMIT, { id: saved.id }, who);
  return saved;
}

/** Scores for every criterion, in the call's order. */
export const scoresOf = (criteria: { id: string }[], values: number[]) => criteria.map((c, i) => ({ criterionId: c.id, score: values[i] }));
