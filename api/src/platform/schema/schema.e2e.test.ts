import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges } from 'graphql';
import { ACCESS_METADATA } from '../../accounts/access.decorators.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { IMPLEMENTED_CONTRACT, NOT_YET_IMPLEMENTED } from './implemented-contract.js';
import { printKapwaSchema } from './print-schema.js';
import { resolvers } from './resolvers.js';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const committedSchema = readFileSync(join(apiDir, 'schema.graphql'), 'utf8');
const contract = readFileSync(join(apiDir, 'contract', 'api-contract.graphql'), 'utf8');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('the GraphQL schema', () => {
  it('committed in api/schema.graphql is the one the API serves (run `pnpm codegen` when this fails)', () => {
    const live = printKapwaSchema(api.app.get(GraphQLSchemaHost).schema);
    expect(committedSchema).toBe(live);
  });

  it('keeps the implemented parts of the public contract without breaking changes', () => {
    const matches = (subject: string, name: string) =>
      name.includes('.') ? subject.startsWith(name) : subject.split('.')[0] === name;
    const breaking = findBreakingChanges(buildSchema(contract), buildSchema(committedSchema))
      .map((change) => change.description)
      .filter((description) => {
        const subject = description.split(' ')[0].replace(/\.$/, '');
        return IMPLEMENTED_CONTRACT.some((name) => matches(subject, name)) && !NOT_YET_IMPLEMENTED.some((name) => matches(subject, name));
      });
    expect(breaking).toEqual([]);
  });

  it("passes the project's own contract checker over the implemented names, when it is at hand", () => {
    const shared = join(apiDir, '..', '..', 'shared');
    // A clone outside the project folder has only the committed copy, checked above.
    if (!existsSync(join(shared, 'tools', 'check-contract.mjs'))) return;
    expect(contract).toBe(readFileSync(join(shared, 'api-contract.graphql'), 'utf8'));
    const result = spawnSync(
      process.execPath,
      [join(shared, 'tools', 'check-contract.mjs'), 'schema.graphql', '--only', IMPLEMENTED_CONTRACT.join(','), '--skip', NOT_YET_IMPLEMENTED.join(',')],
      { cwd: apiDir, encoding: 'utf8' },
    );
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^contract: 0 breaking change/);
    expect(result.status).toBe(0);
  });
});

describe('access rules', () => {
  it('are declared on every query and mutation', () => {
    const undeclared: string[] = [];
    for (const resolver of resolvers) {
      for (const name of Object.getOwnPropertyNames(resolver.prototype)) {
        const handler = (resolver.prototype as unknown as Record<string, object>)[name];
        const kind = typeof handler === 'function' ? Reflect.getMetadata('graphql:resolver_type', handler) : undefined;
        if ((kind === 'Query' || kind === 'Mutation') && !Reflect.getMetadata(ACCESS_METADATA, handler)) {
          undeclared.push(`${resolver.name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
