import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ok } from './directory-fixtures.js';

let api: TestApi;
let admin: Person;
let member: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  admin = await signUpAdmin(api);
  member = await signUp(api);
});
afterAll(() => api.close());

const DIRECTORY = `query($filter: DirectoryFilter, $first: Int) { directory(filter: $filter, first: $first) {
  bio expertise languages isFocalPoint visibility suggestedExpertise user { id displayName email country organization { id name } } } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id focalPoints { isFocalPoint user { id displayName country organization { id } } } } }`;

/** `count` listed people named for `tag`, in one organization and every one a focal point of it. */
async function seed(tag: string, count: number): Promise<string> {
  const [{ id }] = await api.sql<{ id: string }>(
    `WITH org AS (INSERT INTO organization (name, country, kind) VALUES ($1 || ' org', 'NP', 'NGO') RETURNING id),
     people AS (
       INSERT INTO app_user (email, password_hash, display_name, time_zone, locale, country, organization_id)
       SELECT $1 || '-' || g || '@example.org', '!', $1 || ' person ' || g, 'UTC', 'en', 'NP', org.id FROM generate_series(1, $2::int) g CROSS JOIN org RETURNING id)
     INSERT INTO directory_profile (user_id, bio, expertise, languages, visibility, is_focal_point)
     SELECT id, 'Bio', '{reprisals}', '{en}', 'MEMBERS', true FROM people RETURNING user_id AS id`,
    [tag, count],
  );
  const [org] = await api.sql<{ organization_id: string }>(`SELECT organization_id FROM app_user WHERE id = $1`, [id]);
  return org.organization_id;
}

async function statements(query: string, variables: Record<string, unknown>, who: Person): Promise<{ statements: number; data: any }> {
  queryCounter.count = 0;
  const data = ok(await api.gql(query, variables, who.token));
  return { statements: queryCounter.count, data };
}

describe('SQL statements per directory page', () => {
  it('a directory page and an organization page cost the same for 5 and 50 people', async () => {
    const smallOrg = await seed('small', 5);
    const largeOrg = await seed('large', 50);
    for (const viewer of [member, admin]) {
      const small = await statements(DIRECTORY, { filter: { text: 'small' }, first: 100 }, viewer);
      const large = await statements(DIRECTORY, { filter: { text: 'large' }, first: 100 }, viewer);
      expect(small.data.directory).toHaveLength(5);
      expect(large.data.directory).toHaveLength(50);
      expect(large.data.directory[0].user.country).toBe('NP');
      expect(large.statements).toBe(small.statements);
      const smallPage = await statements(ORGANIZATION, { id: smallOrg }, viewer);
      const largePage = await statements(ORGANIZATION, { id: largeOrg }, viewer);
      expect(smallPage.data.organization.focalPoints).toHaveLength(5);
      expect(largePage.data.organization.focalPoints).toHaveLength(50);
      expect(largePage.statements).toBe(smallPage.statements);
      console.log(`directory as ${viewer === admin ? 'admin' : 'member'}: ${small.statements} statements for 5 and 50 people; organization page ${smallPage.statements} for 5 and 50 focal points`);
    }
  }, 60_000);
});
