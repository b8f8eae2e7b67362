import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Person, signUp } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';

const MARK_READ = /* GraphQL */ `
  mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }
`;
const UNREAD = /* GraphQL */ `
  query { notifications(first: 20) { unreadCount } }
`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

async function notificationsFor(person: Person, count: number): Promise<string[]> {
  const rows = await api.sql<{ id: string }>(
    `INSERT INTO notification (user_id, kind, title, body, idempotency_key)
     SELECT $1::uuid, 'COURSE_UPDATED', 'News ' || n, 'Something changed.', $1::text || ':' || n FROM generate_series(1, $2) AS n
     RETURNING id`,
    [person.id, count],
  );
  return rows.map((r) => r.id);
}

async function markRead(person: Person, ids?: string[]): Promise<number> {
  const res = await api.gql(MARK_READ, ids ? { ids } : {}, person.token);
  expect(res.errors).toBeUndefined();
  return res.data!.markNotificationsRead;
}

const unreadCount = async (person: Person) => (await api.gql(UNREAD, {}, person.token)).data!.notifications.unreadCount;

describe('marking notifications read', () => {
  it('tells the web app how many notifications it marked, so the unread count it shows is right', async () => {
    const person = await signUp(api);
    const ids = await notificationsFor(person, 5);

    expect(await markRead(person, ids.slice(0, 3))).toBe(3);
    expect(await unreadCount(person)).toBe(2);
    expect(await markRead(person, ids.slice(0, 3))).toBe(0);
    expect(await markRead(person, [])).toBe(0);
    expect(await markRead(person)).toBe(2);
    expect(await markRead(person)).toBe(0);
    expect(await unreadCount(person)).toBe(0);
  });

  it("counts only the viewer's own notifications, and ids that name none change nothing", async () => {
    const person = await signUp(api);
    const other = await signUp(api);
    const [mine] = await notificationsFor(person, 1);
    const theirs = await notificationsFor(other, 2);

    // Ids that are not ids at all are refused before this runs (see the input rules' tests).
    expect(await markRead(person, [...theirs, randomUUID(), mine])).toBe(1);
    expect(await unreadCount(other)).toBe(2);
  });
});
