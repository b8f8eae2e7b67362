import type { ApolloServerPlugin } from '@apollo/server';
import { unstorableTextProblem } from '@kapwa/shared';
import { isUUID } from 'class-validator';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLInputType,
  GraphQLID,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** The longest text any field takes (a lesson's Markdown); each field sets its own, lower, limit too. */
export const MAX_STRING_LENGTH = 200_000;

const INVALID_ID = 'This id is not valid: it may have been copied incompletely. Open the item again from its page.';

function refuse(path: string, message: string): never {
  const field = path.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? path;
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });
}

function checkString(path: string, text: string): void {
  if (text.length > MAX_STRING_LENGTH) refuse(path, `This text is too long: at most ${MAX_STRING_LENGTH.toLocaleString('en')} characters.`);
  const problem = unstorableTextProblem(text);
  if (problem) refuse(path, problem);
}

function checkId(path: string, value: unknown): void {
  if (typeof value !== 'string' || !isUUID(value)) refuse(path, INVALID_ID);
}

/** Walks a variable's value along its declared type: every string is storable, every ID is one of ours. */
function checkValue(path: string, value: unknown, type: GraphQLInputType): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) checkValue(`${path}.${index}`, item, nullable.ofType);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return; // GraphQL's own coercion refuses it
    for (const field of Object.values(nullable.getFields())) {
      checkValue(`${path}.${field.name}`, (value as Record<string, unknown>)[field.name], field.type);
    }
    return;
  }
  if (nullable === GraphQLID) return checkId(path, value);
  if (typeof value === 'string') checkString(path, value);
}

/** Documents whose literals passed: Apollo keeps one parsed document per query text, so each is walked once. */
const checkedDocuments = new WeakSet<DocumentNode>();

/** The same for values written in the document itself, e.g. `lesson(id: "…")`. */
function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  if (checkedDocuments.has(document)) return;
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      StringValue(node) {
        const where = path.join('.') || 'input';
        if (getNamedType(typeInfo.getInputType() ?? undefined) === GraphQLID) checkId(where, node.value);
        else checkString(where, node.value);
      },
      IntValue(node) {
        if (getNamedType(typeInfo.getInputType() ?? undefined) === GraphQLID) checkId(path.join('.'), node.value);
      },
    }),
  );
  checkedDocuments.add(document);
}

/**
 * One rule for every string and ID the API receives, before any resolver runs: no text PostgreSQL cannot
 * store (NUL, broken UTF-16), none longer than any field allows, and every ID a well-formed id. Every
 * present and future field inherits it; a bad value is BAD_USER_INPUT naming the field, not a server error.
 */
export const requestInputPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        checkLiterals(schema, document);
        const variables = request.variables ?? {};
        for (const definition of (operation as OperationDefinitionNode).variableDefinitions ?? []) {
          const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]) as GraphQLInputType | undefined;
          const name = definition.variable.name.value;
          if (type) checkValue(name, variables[name], type);
        }
      },
    };
  },
};
