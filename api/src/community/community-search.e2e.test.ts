import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ageAccount, JOIN, courseSpace, createSpace, ok, reply, SEARCH, startThread } from './community-fixtures.js';

let api: TestApi;
let admin: Person;
let learner: Person;
let outsider: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  const trainer = await signUpTrainer(api, admin);
  learner = await signUp(api);
  outsider = await signUp(api);
  await ageAccount(api, admin, trainer, learner, outsider);
  const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
  const theme = await createSpace(api, admin, 'THEME');
  const t = await startThread(api, learner, theme.id, 'Protecting defenders in Nepal', 'How do NHRIs respond to threats?');
  await api.gql(JOIN, { id: theme.id }, outsider.token);
  await reply(api, outsider, t.id, 'We write an urgent appeal <script>alert(1)</script> within a day.');
  await reply(api, learner, t.id, 'การคุ้มครองนักปกป้องสิทธิมนุษยชน เป็นหน้าที่ของทุกคน');
  await reply(api, learner, t.id, 'मानव अधिकार रक्षकहरूको सुरक्षा');
  await reply(api, learner, t.id, 'လူ့အခွင့်အရေး ကာကွယ်သူများ');
  const hidden = await createSpace(api, admin, 'COUNTRY');
  await startThread(api, admin, hidden.id, 'Archive', 'urgent appeal from a members-only place');
  await api.sql(`UPDATE space SET members_only = true WHERE id = $1`, [hidden.id]);
  const space = await courseSpace(api, course.id);
  await startThread(api, learner, space.id, 'Course talk', 'an urgent appeal drafted in class');
});
afterAll(() => api.close());

const search = async (q: string, who: Person, extra: Record<string, unknown> = {}) => ok(await api.gql(SEARCH, { q, ...extra }, who.token)).searchPosts;

describe('searchPosts', () => {
  it('finds words in posts and thread titles, only where the viewer may read', async () => {
    expect((await search('urgent appeal', outsider)).totalCount).toBe(1);
    expect((await search('urgent appeal', learner)).totalCount).toBe(2);
    expect((await search('urgent appeal', admin)).totalCount).toBe(3);
    const byTitle = await search('Nepal', outsider);
    expect(byTitle.nodes).toEqual([expect.objectContaining({ body: 'How do NHRIs respond to threats?', thread: expect.objectContaining({ title: 'Protecting defenders in Nepal' }) })]);
  });

  it('highlights matches in a snippet whose only HTML is <mark>', async () => {
    const [hit] = (await search('appeal', outsider)).nodes;
    expect(hit.snippet).toContain('<mark>appeal</mark>');
    expect(hit.snippet).not.toContain('<script');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('matches Thai (no spaces between words), Nepali and Burmese as written', async () => {
    const thai = await search('นักปกป้องสิทธิ', learner);
    expect(thai.totalCount).toBe(1);
    expect(thai.nodes[0].snippet).toContain('<mark>นักปกป้องสิทธิ</mark>');
    expect((await search('रक्षकहरूको', learner)).totalCount).toBe(1);
    expect((await search('ကာကွယ်သူများ', learner)).totalCount).toBe(1);
  });

  it('counts matches up to 1,000; more show as 1,001', async () => {
    const space = await createSpace(api, admin, 'NETWORK');
    const thread = await startThread(api, learner, space.id, 'Many', 'Opening');
    await api.sql(
      `INSERT INTO post (thread_id, author_id, body, body_html, created_at)
       SELECT $1, $2, 'plentiful ' || g, '<p>plentiful</p>', now() - g * interval '1 ms' FROM generate_series(1, 1005) g`,
      [thread.id, learner.id],
    );
    const found = await search('plentiful', outsider, { first: 5 });
    expect(found.totalCount).toBe(1001);
    expect(found.nodes).toHaveLength(5);
  });

  it('pages by keyset, newest first, without repeats', async () => {
    const space = await createSpace(api, admin, 'NETWORK');
    const thread = await startThread(api, learner, space.id, 'Paging', 'solidarity 0');
    for (let i = 1; i < 5; i++) await reply(api, learner, thread.id, `solidarity ${i}`);
    const page1 = await search('solidarity', outsider, { first: 3 });
    expect(page1.nodes.map((n: { body: string }) => n.body)).toEqual(['solidarity 4', 'solidarity 3', 'solidarity 2']);
    await reply(api, learner, thread.id, 'solidarity 5');
    const page2 = await search('solidarity', outsider, { first: 3, after: page1.pageInfo.endCursor });
    expect(page2.nodes.map((n: { body: string }) => n.body)).toEqual(['solidarity 1', 'solidarity 0']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(errorOf(await api.gql(SEARCH, { q: '   ' }, outsider.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });
});
