import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ok } from './resource-fixtures.js';

let api: TestApi;
let admin: Person;
let reader: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  admin = await signUpAdmin(api);
  reader = await signUp(api);
});
afterAll(() => api.close());

const LIBRARY = `query($tag: String!) { resources(tag: $tag, first: 100) { id title url descriptionHtml tags countries language kind status createdAt viewerCanChange reviewReason
  addedBy { id displayName } file { id status url thumbnailUrl } } }`;
const QUEUE = `{ resourceSuggestions { id title url addedBy { id displayName } file { id status url } } }`;

/** `count` resources tagged `tag`, each added by a different person, half of them files (media assets of their adders); and `count` suggestions. */
async function seed(tag: string, count: number) {
  await api.sql(
    `WITH people AS (
       INSERT INTO app_user (email, password_hash, display_name, time_zone, locale)
       SELECT $1 || '-' || g || '@example.org', '!', 'Person ' || g, 'UTC', 'en' FROM generate_series(1, $2::int) g RETURNING id),
     numbered AS (SELECT id, row_number() OVER () AS n FROM people),
     files AS (
       INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status, kind, renditions)
       SELECT gen_random_uuid(), id, 'RESOURCE', 'file.pdf', 'application/pdf', 10, 'READY', 'DOCUMENT', '{"document": {"contentType": "application/pdf", "sizeBytes": 10}}'::jsonb
         FROM numbered WHERE n % 2 = 0 RETURNING id, owner_id)
     INSERT INTO resource (title, description, description_html, kind, url, media_asset_id, language, tags, countries, status, added_by)
     SELECT 'Resource ' || p.n, 'About it.', '<p>About it.</p>', CASE WHEN f.id IS NULL THEN 'LINK' ELSE 'FILE' END,
            CASE WHEN f.id IS NULL THEN 'https://example.org/' || p.n END, f.id, 'en', ARRAY[$1], ARRAY['NP'], s.status, p.id
       FROM numbered p LEFT JOIN files f ON f.owner_id = p.id CROSS JOIN (VALUES ('PUBLISHED'), ('SUGGESTED')) s(status)
      WHERE f.id IS NULL OR s.status = 'PUBLISHED'`,
    [tag, count],
  );
}

async function statements(query: string, variables: Record<string, unknown>, who: Person): Promise<{ statements: number; data: any }> {
  queryCounter.count = 0;
  const data = ok(await api.gql(query, variables, who.token));
  return { statements: queryCounter.count, data };
}

describe('SQL statements per library page', () => {
  it('the library and the suggestions queue cost the same for 6 and 60 resources', async () => {
    await seed('small', 6);
    const small = await statements(LIBRARY, { tag: 'small' }, reader);
    await seed('large', 60);
    const large = await statements(LIBRARY, { tag: 'large' }, reader);
    expect(small.data.resources).toHaveLength(6);
    expect(large.data.resources).toHaveLength(60);
    expect(large.data.resources.filter((r: any) => r.kind === 'FILE' && r.url.startsWith('/media/'))).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
    const queue = await statements(QUEUE, {}, admin);
    expect(queue.data.resourceSuggestions).toHaveLength(3 + 30);
    await seed('more', 20);
    const longer = await statements(QUEUE, {}, admin);
    expect(longer.data.resourceSuggestions).toHaveLength(3 + 30 + 10);
    expect(longer.statements).toBe(queue.statements);
    console.log(`resources: library page ${small.statements} statements (6 and 60 resources); suggestions queue ${queue.statements} statements`);
  }, 60_000);
});
