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

  it('are edited by admins, a field at a time, keeping their members', async () => {
    const org = (await api.gql(CREATE, { input: { name: 'Bantay Karapatan', country: 'PH', kind: 'NGO' } }, admin.token)).data!.createOrganization;
    const member = await signUp(api, { organizationId: org.id, displayName: 'Member One' });
    const res = await api.gql(
      `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name country kind } }`,
      { id: org.id, input: { name: ' Bantay Karapatan Network ' } },
      admin.token,
    );
    expect(res.data!.updateOrganization).toEqual({ id: org.id, name: 'Bantay Karapatan Network', country: 'PH', kind: 'NGO' });
    const members = await api.gql(
      `query($id: ID!) { organizationMembers(organizationId: $id) { totalCount nodes { id displayName email } } }`,
      { id: org.id },
      admin.token,
    );
    expect(members.data!.organizationMembers).toEqual({ totalCount: 1, nodes: [{ id: member.id, displayName: 'Member One', email: member.email }] });
  });

  it('take members an admin places in them, and lose them with null', async () => {
    const org = (await api.gql(CREATE, { input: { name: 'Placement Commission', country: 'ID', kind: 'NHRI' } }, admin.token)).data!.createOrganization;
    const person = await signUp(api);
    const SET = `mutation($u: ID!, $o: ID) { setUserOrganization(userId: $u, organizationId: $o) { organization { id } } }`;
    expect((await api.gql(SET, { u: person.id, o: org.id }, admin.token)).data!.setUserOrganization.organization).toEqual({ id: org.id });
    expect((await api.gql(SET, { u: person.id, o: null }, admin.token)).data!.setUserOrganization.organization).toBeNull();
    const unknown = await api.gql(SET, { u: person.id, o: '00000000-0000-4000-8000-000000000000' }, admin.token);
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });

  it('answer NOT_FOUND for an organization that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await api.gql(`mutation($id: ID!) { updateOrganization(id: $id, input: { kind: NGO }) { id } }`, { id: missing }, admin.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`query($id: ID!) { organizationMembers(organizationId: $id) { totalCount } }`, { id: missing }, admin.token)).code).toBe('NOT_FOUND');
  });
});
