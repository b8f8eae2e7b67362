import * as documents from '@kapwa/graphql';
import { AddLessonDocument, CompleteLessonDocument, CoursesDocument } from '@kapwa/graphql';
import { expect, test, vi } from 'vitest';
import { SAFE_TO_RESEND, createApolloClient } from './apollo-client';

const dropped = () => Promise.reject(new TypeError('Failed to fetch'));
const answer = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

function clientWith(...responses: (() => Promise<Response>)[]) {
  const fetch = vi.fn(() => (responses.shift() ?? dropped)());
  return { client: createApolloClient({ uri: 'http://kapwa.test/graphql', fetch }), fetch };
}

test('a read whose connection drops is tried again until it gets through', { timeout: 20_000 }, async () => {
  const { client, fetch } = clientWith(dropped, () => answer({}, 503), () => answer({ data: { courses: [] } }));
  const { data } = await client.query({ query: CoursesDocument });
  expect(data).toEqual({ courses: [] });
  expect(fetch).toHaveBeenCalledTimes(3);
});

test('a mutation that is safe to repeat is resent; one that adds something is not', { timeout: 20_000 }, async () => {
  const enrollment = { __typename: 'Enrollment', id: 'e1', role: 'LEARNER', status: 'ACTIVE', group: null, progress: 0.5, completedAt: null, certificate: null };
  const completing = clientWith(dropped, () => answer({ data: { completeLesson: enrollment } }));
  await completing.client.mutate({ mutation: CompleteLessonDocument, variables: { lessonId: 'l1' } });
  expect(completing.fetch).toHaveBeenCalledTimes(2);

  const adding = clientWith(dropped, () => answer({ data: { addLesson: { __typename: 'Lesson', id: 'l9' } } }));
  await expect(
    adding.client.mutate({ mutation: AddLessonDocument, variables: { input: { moduleId: 'm1', title: 'T', body: 'B' } } }),
  ).rejects.toThrow('Failed to fetch');
  expect(adding.fetch).toHaveBeenCalledTimes(1);
});

test('an answer from the API, even a refusal, is never resent', async () => {
  const { client, fetch } = clientWith(() => answer({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }));
  await expect(client.query({ query: CoursesDocument })).rejects.toThrow('No.');
  expect(fetch).toHaveBeenCalledTimes(1);
});

test('every mutation named safe to resend exists', () => {
  const mutations = Object.values(documents)
    .flatMap((value) => (value && typeof value === 'object' && 'definitions' in value ? (value.definitions as { kind: string; operation?: string; name?: { value: string } }[]) : []))
    .filter((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation')
    .map((definition) => definition.name!.value);
  expect(mutations.length).toBeGreaterThan(10);
  for (const name of SAFE_TO_RESEND) expect(mutations).toContain(name);
});
