import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemo } from '../cli/seed-demo.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('demo data', () => {
  it('gives the demo three spaces with conversations; loading it again changes nothing', async () => {
    const db = api.app.get(DataSource);
    await seedDemo(db);
    const count = () => api.sql<{ spaces: number; threads: number; posts: number }>(
      `SELECT (SELECT count(*)::int FROM space) AS spaces, (SELECT count(*)::int FROM thread) AS threads, (SELECT count(*)::int FROM post) AS posts`,
    );
    const [first] = await count();
    expect(first).toEqual({ spaces: 3, threads: 3, posts: 7 });
    expect((await seedDemo(db)).created).toBe(0);
    expect((await count())[0]).toEqual(first);
    const login = await api.gql(`mutation { logIn(email: "learner.th@kapwa.example", password: "kapwa-demo-2026") { token } }`);
    const token = login.data!.logIn.token;
    const res = await api.gql(`{ spaces { slug kind threads { nodes { title posts { totalCount } } } } }`, {}, token);
    expect(res.data!.spaces.map((s: { slug: string }) => s.slug)).toEqual(['women-human-rights-defenders', 'thailand', 'alumni-network']);
  }, 60_000);
});
