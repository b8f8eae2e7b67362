import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name country kind } }`;
const LIST = `{ organizations { id name country kind } }`;

let api: TestApi;
let admin: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
});
afterAll(() => api.close());

describe('organizations', () => {
  it('are created by admins and listed to everyone, even before signing up', async () => {
    const res = await api.gql(CREATE, { input: { name: ' Komisyon sa Karapatang Pantao ', country: 'ph', kind: 'NHRI' } }, admin.token);
    expect(res.data!.createOrganization).toMatchObject({ name: 'Komisyon sa Karapatang Pantao', country: 'PH', kind: 'NHRI' });
    const list = await api.gql(LIST);
    expect(list.data!.organizations).toContainEqual(res.data!.createOrganization);
  });

  it('may not be created by other people', async () => {
    const learner = await signUp(api);
    const res = await api.gql(CREATE, { input: { name: 'My Own NGO', country: 'TH', kind: 'NGO' } }, learner.token);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(CREATE, { input: { name: 'Anonymous NGO', country: 'TH', kind: 'NGO' } })).code).toBe('UNAUTHENTICATED');
    expect(await api.sql(`SELECT 1 FROM organization WHERE name IN ('My Own NGO', 'Anonymous NGO')`)).toHaveLength(0);
  });

  it('are unique by name within a country, ignoring case', async () => {
    await api.gql(CREATE, { input: { name: 'Defenders Forum', country: 'NP', kind: 'NGO' } }, admin.token);
    const twin = await api.gql(CREATE, { input: { name: 'DEFENDERS FORUM', country: 'NP', kind: 'NGO' } }, admin.token);
    expect(errorOf(twin)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const elsewhere = await api.gql(CREATE, { input: { name: 'Defenders Forum', country: 'LK', kind: 'NGO' } }, admin.token);
    expect(elsewhere.errors).toBeUndefined();
  });

  it.each([
    ['name', { name: 'X', country: 'NP', kind: 'NGO' }],
    ['country', { name: 'Somewhere Commission', country: 'Nepal', kind: 'NHRI' }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, input) => {
    expect(errorOf(await api.gql(CREATE, { input }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('are joined at sign-up or from the profile, and left with null', async () => {
    const org = (await api.gql(CREATE, { input: { name: 'Women Defenders Network', country: 'MM', kind: 'NGO' } }, admin.token))
      .data!.createOrganization;
    const member = await signUp(api, { organizationId: org.id });
    const me = await api.gql(`{ me { organization { id name } } }`, {}, member.token);
    expect(me.data!.me.organization).toEqual({ id: org.id, name: 'Women Defenders Network' });

    const left = await api.gql(`mutation { updateMe(input: { organizationId: null }) { organization { id } } }`, {}, member.token);
    expect(left.data!.updateMe.organization).toBeNull();
    const unknown = await api.gql(
      `mutation($id: ID!) { updateMe(input: { organizationId: $id }) { id } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      member.token,
    );
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });
});
