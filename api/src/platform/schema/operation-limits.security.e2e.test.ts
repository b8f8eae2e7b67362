import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
  validate,
  visit,
} from 'graphql';
import { buildCourse, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../testing/test-app.js';
import { OPERATION_LIMITS, operationComplexity, operationValidationRules } from './operation-limits.js';

/**
 * One request is one request's worth of work: aliases, repeated changes, huge documents and costly
 * fields are limited before any resolver runs, whatever field they use.
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

let api: TestApi;
let trainer: Person;
let learner: Person;
let course: CourseOutline;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Learner' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [3] });
  await enroll(api, learner, course.id);
});
afterAll(() => api.close());

const aliased = (count: number, field: (i: number) => string) => Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join('\n');

describe('operation limits', () => {
  it.each([1000, 100, 16])('%i aliased changes are refused whole: nothing is recorded', async (count) => {
    const lesson = course.modules[0].lessons[0];
    const res = await api.gql(`mutation { ${aliased(count, () => `completeLesson(lessonId: "${lesson}") { id }`)} }`, {}, learner.token);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorOf(res).code);
    expect(res.data ?? null).toBeNull();
    expect(await api.sql(`SELECT 1 FROM lesson_completion`)).toEqual([]);
  });

  it('more than a few changes in one request are refused, aliased or not', async () => {
    const lessons = course.modules[0].lessons;
    const six = `mutation {
      ${lessons.map((id, i) => `c${i}: completeLesson(lessonId: "${id}") { id }`).join('\n')}
      markNotificationsRead
      updateMe(input: { locale: "en" }) { id }
      enroll(courseId: "${course.id}") { id }
    }`;
    expect(errorOf(await api.gql(six, {}, learner.token)).message).toMatch(/at most 5 changes/);
    expect(await api.sql(`SELECT 1 FROM lesson_completion`)).toEqual([]);
  });

  it('aliases of a cheap field are limited too', async () => {
    const res = await api.gql(`{ ${aliased(100, () => 'me { id }')} }`, {}, learner.token);
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(res).message).toMatch(/alias/i);
  });

  it('a document of thousands of tokens is refused while it is read', async () => {
    const res = await api.gql(`{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`, {}, learner.token);
    expect(errorOf(res).code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorOf(res).message).toMatch(/token/i);
  });

  it('Markdown previews cost by length: two long ones pass, three are refused before any is rendered', async () => {
    const source = `# Title\n\n${'Defenders need protection. '.repeat(7_400)}`; // about 200,000 characters
    const query = (n: number) => `query($s: String!) { ${aliased(n, () => 'previewMarkdown(source: $s)')} }`;
    const two = await api.gql(query(2), { s: source }, trainer.token);
    expect(two.errors).toBeUndefined();
    const three = await api.gql(query(3), { s: source }, trainer.token);
    expect(errorOf(three).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(three).message).toMatch(/too much at once/);
  });

  it('lists cost their items: a page of 100 people with deep details is weighed by its size', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const small = operationComplexity(schema, parse(`{ users(first: 5) { nodes { id displayName } } }`));
    const large = operationComplexity(schema, parse(`{ users(first: 100) { nodes { id displayName } } }`));
    expect(large).toBeGreaterThan(small);
  });
});

/** Every GraphQL document of the web app, each with the fragments it uses, as the app sends it. */
function webDocuments(): { name: string; source: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.graphql')) files.push(path);
    }
  };
  walk(join(repo, 'web', 'src'));
  const definitions: DefinitionNode[] = files.flatMap((file) => parse(readFileSync(file, 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Map<string, FragmentDefinitionNode>();
      const collect = (node: DefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value)!;
            if (!used.has(fragment.name.value)) {
              used.set(fragment.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(operation);
      return {
        name: (operation as { name?: { value: string } }).name?.value ?? 'anonymous',
        source: [operation, ...used.values()].map((d) => d.loc!.source.body.slice(d.loc!.start, d.loc!.end)).join('\n'),
      };
    });
}

/** A value of each variable's type, lists at their largest page (`first`: 100), as a busy page would send. */
function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType, name: string): unknown => {
    const inner = getNullableType(type);
    if (inner instanceof GraphQLList) return [sample(inner.ofType, name)];
    if (inner instanceof GraphQLEnumType) return inner.getValues()[0].value;
    if (inner instanceof GraphQLInputObjectType) {
      return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, f.name)]));
    }
    switch (inner.name) {
      case 'Int':
        return name === 'first' ? 100 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'DateTime':
        return '2030-01-01T00:00:00Z';
      default:
        return 'text';
    }
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, sample(typeFromAST(schema, d.type as never) as GraphQLInputType, d.variable.name.value)]),
  );
}

describe('what the web app sends', () => {
  const documents = webDocuments();

  it('is found (so the checks below are not vacuous)', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents.map((d) => [d.name, d.source]))('%s stays within every limit, with room to grow', (_name, source) => {
    // The schema the API serves, with the costs its fields declare.
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const document = parse(source, { maxTokens: OPERATION_LIMITS.maxTokens / 2 });
    expect(validate(schema, document, operationValidationRules()).map((e) => e.message)).toEqual([]);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(operationComplexity(schema, document, sampleVariables(schema, operation))).toBeLessThan(OPERATION_LIMITS.maxComplexity / 2);
  });
});
