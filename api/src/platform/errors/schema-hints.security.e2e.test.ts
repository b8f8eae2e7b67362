import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorOf, startTestApi, type TestApi } from '../testing/test-app.js';

/**
 * With introspection off, error messages must not map the schema either: graphql-js suggests names
 * ("Did you mean "me"?") for misspelt fields, arguments, types, input fields and enum values.
 */

const MISSPELT = [
  ['field', `{ mee { id } }`],
  ['argument', `{ course(slugg: "x") { id } }`],
  ['type', `query($x: CourseKnd) { courses { id } }`],
  ['input field', `mutation { signUp(input: { emial: "a@b.c", password: "long enough pass", displayName: "A" }) { token } }`],
  ['enum value', `mutation { setUserRoles(userId: "00000000-0000-4000-8000-000000000000", roles: [ADMN]) { id } }`],
];

describe('in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-long-enough-for-the-check',
      TWO_FACTOR_KEY: 'another-production-secret-long-enough-for-it',
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(() => api.close());

  it.each(MISSPELT)('a misspelt %s is refused without suggesting the real name', async (_what, query) => {
    const res = await api.gql(query);
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const error of res.errors ?? []) expect(error.message).not.toMatch(/did you mean/i);
  });

  it('introspection is off', async () => {
    expect(errorOf(await api.gql(`{ __schema { types { name } } }`)).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('in development', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('suggestions help the people building Kapwa', async () => {
    expect(errorOf(await api.gql(`{ mee { id } }`)).message).toMatch(/Did you mean "me"\?/);
  });
});
