import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '@kapwa/shared';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLSchema, isObjectType } from 'graphql';
import { type Person, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ASSIGN, data, DECLARE, member, openCall, organization, REVIEW, reviewer, scoresOf, submittedApplication } from './grant-fixtures.js';

/**
 * The name policy on every road from grants to a person (the platform's privacy walk leaves these to
 * this file), with the viewers grants add: the applicant, a colleague, an assigned reviewer (who sees the
 * applicant blind), a reviewer who declared a conflict (who sees nothing of the application), an
 * outsider, a visitor and an admin.
 */

let api: TestApi;
let schema: GraphQLSchema;
let admin: Person;
let sita: Person;
let ram: Person;
let hoa: Person;
let lee: Person;
let outsider: Person;
let nhri: string;
let callId: string;
let applicationId: string;
let criteria: { id: string }[];
const truth = new Map<string, Record<string, unknown>>();

const USER = `{ id displayName email country timeZone locale roles organization { id } emailVerified lastSignInAt suspendedAt twoFactorEnabled twoFactorRequired }`;
const GRANT_ROOTS: Record<string, (viewer: Person | null) => Record<string, unknown>> = {
  'Query.grantCalls': () => ({}),
  'Query.grantCall': () => ({ id: callId }),
  'Query.grantApplication': () => ({ id: applicationId }),
  'Query.myReviewQueue': () => ({}),
  'Query.myGrantApplications': () => ({}),
  'Query.reviewerCandidates': () => ({ applicationId }),
  'Mutation.assignReviewer': () => ({ applicationId, reviewerId: hoa.id }),
  'Mutation.submitReview': () => ({ input: { applicationId, scores: scoresOf(criteria, [5, 3, 10]), comment: 'Walked.' } }),
};

function pathsToUser(typeName: string, seen: string[], depth: number): string[][] {
  if (typeName === 'User') return [[]];
  const type = schema.getType(typeName);
  if (!isObjectType(type) || depth >= 6 || seen.includes(typeName)) return [];
  return Object.values(type.getFields()).flatMap((field) => pathsToUser(getNamedType(field.type).name, [...seen, typeName], depth + 1).map((rest) => [field.name, ...rest]));
}

function operation(root: string, path: string[]): string {
  const [kind, name] = root.split('.');
  const field = (kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name];
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = path.reduceRight((inner, f) => `{ ${f} ${inner} }`, USER);
  return `${kind === 'Query' ? 'query' : 'mutation'}${vars ? `(${vars})` : ''} { ${name}${args ? `(${args})` : ''} ${selection} }`;
}

function usersIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => usersIn(v, found));
  else if (value && typeof value === 'object') {
    if ('displayName' in value && 'roles' in value) found.push(value as Record<string, unknown>);
    else Object.values(value).forEach((v) => usersIn(v, found));
  }
  return found;
}

const HIDDEN = { email: null, country: null, organization: null, timeZone: DEFAULT_TIME_ZONE, locale: DEFAULT_LOCALE, roles: [], emailVerified: null, lastSignInAt: null, suspendedAt: null, twoFactorEnabled: null, twoFactorRequired: null };

beforeAll(async () => {
  api = await startTestApi();
  schema = api.app.get(GraphQLSchemaHost).schema;
  admin = await signUpAdmin(api);
  nhri = await organization(api, admin, 'Human Rights Commission of Nepal', 'NP', 'NHRI');
  sita = await member(api, nhri, 'Sita', { country: 'NP', timeZone: 'Asia/Kathmandu', locale: 'ne' });
  ram = await member(api, nhri, 'Ram', { country: 'NP' });
  hoa = await reviewer(api, admin, 'Hoa');
  lee = await reviewer(api, admin, 'Lee');
  outsider = await member(api, null, 'Olga', { country: 'TH' });
  const call = await openCall(api, admin);
  callId = call.id;
  criteria = call.criteria;
  applicationId = (await submittedApplication(api, sita, nhri, call.id)).id;
  await data(api, ASSIGN, { a: applicationId, r: hoa.id }, admin);
  await data(api, ASSIGN, { a: applicationId, r: lee.id }, admin);
  await data(api, REVIEW, { input: { applicationId, scores: scoresOf(criteria, [5, 3, 10]), comment: 'Fine.' } }, hoa);
  await data(api, DECLARE, { a: applicationId, reason: 'I trained them.' }, lee);
  for (const person of [admin, sita, ram, hoa, lee, outsider]) truth.set(person.id, (await data(api, `{ me ${USER} }`, {}, person)).me);
}, 60_000);
afterAll(() => api.close());

describe('grants and the name policy', () => {
  it('shows each viewer only what the policy allows on every road from grants to a person; a blind reviewer sees the applicant as "Applicant" of an organization', async () => {
    const viewers: [string, Person | null][] = [
      ['a visitor', null],
      ['an outsider', outsider],
      ['the applicant', sita],
      ['a colleague', ram],
      ['an assigned reviewer', hoa],
      ['a reviewer with a declared conflict', lee],
      ['an admin', admin],
    ];
    const roads = Object.keys(GRANT_ROOTS).flatMap((root) => {
      const [kind, name] = root.split('.');
      const field = (kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name];
      return pathsToUser(getNamedType(field.type).name, [], 1).map((path) => ({ root, path }));
    });
    const leaks: string[] = [];
    const reached = new Set<string>();
    const sawApplicant = new Map<string, Record<string, unknown>>();
    for (const { root, path } of roads) {
      for (const [who, viewer] of viewers) {
        const res = await api.gql(operation(root, path), GRANT_ROOTS[root](viewer), viewer?.token);
        for (const error of res.errors ?? []) {
          // A road costlier than the operation limits allow is closed to every viewer alike.
          const tooCostly = error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /asks for too much/.test(error.message);
          if (!tooCostly && !['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT'].includes(error.extensions?.code)) leaks.push(`${root}.${path.join('.')} as ${who}: ${error.message}`);
        }
        // A reviewer with a conflict sees nothing of the application, on any road.
        if (viewer === lee && JSON.stringify(res.data ?? {}).match(new RegExp(`${applicationId}|Sita|Voices`))) leaks.push(`${root}.${path.join('.')} showed the application to ${who}`);
        for (const user of usersIn(res.data)) {
          reached.add(`${root}.${path.join('.')}`);
          const real = truth.get(user.id as string);
          let want: Record<string, unknown>;
          if (!real) {
            // Not a real id: only a blind reviewer may be shown a pseudonymous applicant.
            want = viewer === hoa ? { ...HIDDEN, displayName: 'Applicant', country: 'NP', organization: { id: nhri } } : { impossible: true };
            sawApplicant.set(who, user);
          } else if (viewer && (viewer === admin || viewer.id === user.id)) want = real;
          else want = { ...HIDDEN, id: real.id, displayName: real.displayName };
          if (user.id === sita.id) sawApplicant.set(who, user);
          if (JSON.stringify(user) !== JSON.stringify({ ...user, ...want })) leaks.push(`${root}.${path.join('.')} as ${who} showed ${JSON.stringify(user)}, allowed ${JSON.stringify(want)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect([...reached]).toEqual(expect.arrayContaining(['Query.grantApplication.applicant', 'Query.myReviewQueue.applicant', 'Query.grantCall.applications.applicant', 'Query.grantCalls.applications.applicant']));
    expect(sawApplicant.get('an assigned reviewer')).toMatchObject({ displayName: 'Applicant', email: null, country: 'NP', organization: { id: nhri } });
    expect(sawApplicant.get('an assigned reviewer')!.id).not.toBe(sita.id);
    expect(sawApplicant.get('a colleague')).toMatchObject({ id: sita.id, displayName: 'Sita', email: null });
    expect(sawApplicant.get('an admin')).toEqual(truth.get(sita.id));
    expect(sawApplicant.has('a reviewer with a declared conflict')).toBe(false);
    expect(sawApplicant.has('an outsider')).toBe(false);
  }, 120_000);
});
