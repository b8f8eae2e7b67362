import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import {
  type DocumentNode,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  Kind,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** How much work one operation may ask for. Every document the web app sends stays well inside (a test checks). */
export interface OperationLimits {
  /** Nesting of fields. */
  maxDepth: number;
  /** Aliases in one operation: each runs its field again, so 1,000 aliases are 1,000 requests in one. */
  maxAliases: number;
  /** Top-level fields of one mutation: each is a change, with its own locks and jobs. */
  maxMutationFields: number;
  /** Estimated cost (see `estimators`). */
  maxComplexity: number;
  /** Lexical tokens of the document, checked while parsing, before any other work. */
  maxTokens: number;
}

export const OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxMutationFields: 5,
  maxComplexity: 5000,
  maxTokens: 2000,
};

/** A list without a `first` argument is counted as this many items. */
const ASSUMED_LIST_SIZE = 10;
/** A change costs more than a read: it writes, locks and may queue jobs. */
const MUTATION_COST = 50;

/** graphql-armor's rules throw by default, which Apollo answers as an internal error; reported, the client is told why. */
const reportToClient = {
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

function maxMutationFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename');
      if (fields.length > max) {
        context.reportError(new GraphQLError(`Send at most ${max} changes in one request (this one has ${fields.length}).`, { nodes: [operation] }));
      }
    },
  });
}

export function operationValidationRules(limits: OperationLimits = OPERATION_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportToClient }),
    maxAliasesRule({ n: limits.maxAliases, ...reportToClient }),
    maxMutationFieldsRule(limits.maxMutationFields),
  ];
}

/**
 * Lists cost their items: a field that takes `first` costs that many of what it returns (a page), any
 * other list an assumed size. Fields may declare their own cost with `complexity` (e.g. rendering
 * Markdown costs by its length).
 */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number' && args.first > 0) return 1 + args.first * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return undefined;
};

/** For the `nodes` of a page: its size is the `first` of the field that returned the page, already counted. */
export const PAGE_NODES_COMPLEXITY = ({ childComplexity }: { childComplexity: number }) => childComplexity;

const mutationEstimator: ComplexityEstimator = ({ type, childComplexity }) =>
  type.name === 'Mutation' ? MUTATION_COST + childComplexity : undefined;

export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  // The cost depends on the document and its variables only. Apollo keeps one parsed document per query
  // text, so the same operation asked again (an outline, a dashboard) is priced once per set of variables.
  const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
  if (key.length > 2_000) return complexityOf(schema, document, variables, operationName);
  let costs = complexityByDocument.get(document);
  if (!costs) complexityByDocument.set(document, (costs = new Map()));
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = complexityOf(schema, document, variables, operationName);
    if (costs.size >= 100) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
  }
  return cost;
}

const complexityByDocument = new WeakMap<DocumentNode, Map<string, number>>();

function complexityOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), mutationEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses an operation whose estimated cost is over the limit, before any resolver runs. */
export function complexityLimitPlugin(limits: OperationLimits = OPERATION_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let cost: number;
          try {
            cost = operationComplexity(schema, document, request.variables, request.operationName);
          } catch (error) {
            // Missing or mistyped variables: execution would refuse them too, with the same words.
            throw new GraphQLError(error instanceof Error ? error.message : 'The variables of this request are not valid.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > limits.maxComplexity) {
            throw new GraphQLError(
              `This request asks for too much at once (cost ${cost}, limit ${limits.maxComplexity}). Ask for fewer items or fields.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
