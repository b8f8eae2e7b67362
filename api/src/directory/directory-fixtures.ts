import type { Person } from '../platform/testing/factories.js';
import type { GraphQLResponse, TestApi } from '../platform/testing/test-app.js';

/** The data of a response that must succeed. */
export function ok<T = any>(res: GraphQLResponse): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

export const PERSON = `{ id displayName email country organization { id name } }`;
export const PROFILE = `{ bio expertise languages isFocalPoint visibility suggestedExpertise user ${PERSON} }`;
export const DIRECTORY = `query($filter: DirectoryFilter, $first: Int, $after: ID) { directory(filter: $filter, first: $first, after: $after) ${PROFILE} }`;
export const MY_PROFILE = `{ myProfile ${PROFILE} }`;
export const UPDATE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) ${PROFILE} }`;
export const SET_FOCAL = `mutation($u: ID!, $f: Boolean!) { setFocalPoint(userId: $u, isFocalPoint: $f) ${PROFILE} }`;
export const CONTACT = `mutation($u: ID!, $m: String!) { contactMember(userId: $u, message: $m) }`;
export const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id name focalPoints ${PROFILE} } }`;

/** Writes `person`'s profile; MEMBERS unless told. */
export async function listProfile(api: TestApi, person: Person, input: Record<string, unknown> = {}) {
  return ok(await api.gql(UPDATE, { input: { visibility: 'MEMBERS', ...input } }, person.token)).updateMyProfile;
}

/** The display names the viewer finds in the directory with `filter`. */
export async function names(api: TestApi, viewer: Person | null, filter: Record<string, unknown> = {}, first?: number): Promise<string[]> {
  const res = ok(await api.gql(DIRECTORY, { filter, first: first ?? null }, viewer?.token));
  return res.directory.map((p: { user: { displayName: string } }) => p.user.displayName);
}
