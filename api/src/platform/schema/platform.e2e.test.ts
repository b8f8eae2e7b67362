import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type TestApi } from '../testing/test-app.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('the HTTP API', () => {
  it('answers /health with the state of PostgreSQL and Redis', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses GraphQL requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const simplePost = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(simplePost.status).toBe(400);
    const simpleGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(simpleGet.status).toBe(400);
  });

  it('refuses queries nested deeper than the limit', async () => {
    let selection = 'name';
    for (let i = 0; i < 14; i++) selection = `ofType { ${selection} }`;
    const res = await api.gql(`{ __type(name: "User") { fields { type { ${selection} } } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses queries that cost more than the limit', async () => {
    // Under the alias limit, but every course with every lesson's text, three times over.
    const aliases = Array.from({ length: 3 }, (_, i) => `c${i}: courses { modules { lessons { id title body bodyHtml } } }`).join('\n');
    const res = await api.gql(`{ ${aliases} }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/cost/i);
  });

  it('never sends stack traces or SQL in errors', async () => {
    const responses = [
      await api.gql(`{ nope }`),
      await api.gql(`mutation { signUp(input: { email: "a@b.org", password: "x", displayName: "" }) { token } }`),
      await api.gql(`mutation { setUserRoles(userId: "x", roles: [ADMIN]) { id } }`),
    ];
    for (const res of responses) {
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) {
        expect(error.extensions?.stacktrace).toBeUndefined();
        expect(error.message).not.toMatch(/SELECT|INSERT|relation|at .*\.js/);
      }
    }
  });
});
