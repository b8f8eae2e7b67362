import { randomBytes } from 'node:crypto';
import type { Person } from '../platform/testing/factories.js';
import type { GraphQLResponse, TestApi } from '../platform/testing/test-app.js';

/** The data of a response that must succeed. */
export function ok<T = any>(res: GraphQLResponse): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

export const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id slug kind membersOnly isMember } }`;
export const JOIN = `mutation($id: ID!) { joinSpace(spaceId: $id) { id isMember } }`;
export const START = `mutation($s: ID!, $t: String!, $b: String!, $m: [ID!]) { startThread(spaceId: $s, title: $t, body: $b, mentionIds: $m) { id title } }`;
export const REPLY = `mutation($t: ID!, $b: String!, $m: [ID!]) { reply(threadId: $t, body: $b, mentionIds: $m) { id body bodyHtml } }`;
export const THREAD = `query($id: ID!, $first: Int, $after: String) { thread(id: $id) { id title locked replyCount unreadCount lastReadAt author { id displayName }
  space { id slug } posts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id body bodyHtml hidden hiddenReason editedAt author { id displayName } } } } }`;
export const SPACE = `query($slug: String!, $first: Int, $after: String) { space(slug: $slug) { id kind isMember membersOnly course { id }
  threads(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title replyCount unreadCount author { displayName } } } } }`;
export const SEARCH = `query($q: String!, $first: Int, $after: String) { searchPosts(query: $q, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id body snippet hidden thread { id title } } } }`;

/** A space made by an admin. */
export async function createSpace(api: TestApi, admin: Person, kind = 'THEME', extra: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
  const slug = `space-${randomBytes(4).toString('hex')}`;
  return ok(await api.gql(CREATE_SPACE, { input: { slug, title: `Space ${slug}`, description: 'For tests.', kind, ...extra } }, admin.token)).createSpace;
}

/** A thread begun by `author` (who joins the space first). */
export async function startThread(api: TestApi, author: Person, spaceId: string, title = 'A question', body = 'What do you think?', mentionIds?: string[]) {
  await api.gql(JOIN, { id: spaceId }, author.token);
  return ok(await api.gql(START, { s: spaceId, t: title, b: body, m: mentionIds ?? null }, author.token)).startThread as { id: string; title: string };
}

export async function reply(api: TestApi, author: Person, threadId: string, body: string, mentionIds?: string[]) {
  return ok(await api.gql(REPLY, { t: threadId, b: body, m: mentionIds ?? null }, author.token)).reply as { id: string; body: string; bodyHtml: string };
}

/** Makes an account older than the week new accounts are held to a tighter posting allowance. */
export async function ageAccount(api: TestApi, ...people: Person[]): Promise<void> {
  await api.sql(`UPDATE app_user SET created_at = created_at - interval '30 days' WHERE id = ANY($1::uuid[])`, [people.map((p) => p.id)]);
}

/** The COURSE space made with a course. */
export async function courseSpace(api: TestApi, courseId: string): Promise<{ id: string; slug: string }> {
  const [row] = await api.sql<{ id: string; slug: string }>(`SELECT id, slug FROM space WHERE course_id = $1`, [courseId]);
  return row;
}
