import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, GraphQLError, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../modules/common/connection';
import { DocumentCache, variablesKey } from './document-cache';

/**
 * Query cost with list sizes multiplied down the tree (graphql-query-complexity, with our own
 * estimator). Every field costs 1; a field returning a list of objects costs its expected length ×
 * (1 + what is selected below it). The length of a paginated field is its `first` argument
 * (variables included) or the default page size; lists without `first` count with the estimate
 * below, taken from the largest such list in the shipped Leipzig data, rounded up
 * (`cost.test.ts` checks that the data stays below each estimate). Lists of scalars (roles, years)
 * count as one field. So `neighbours { neighbours { … } }` costs 12 × 12 × … and a 9-level nesting is
 * refused before any resolver runs.
 */
export const LIST_ESTIMATES: Record<string, number> = {
  'Area.neighbours': 12,
  'Area.children': 20,
  'Area.series': 30,
  'Area.serviceStats': 20,
  'Area.measures': 20,
  'Area.participationEvents': 20,
  'Location.services': 10,
  'Provider.services': 50,
  'Provider.fundings': 100,
  'Service.fundings': 30,
  'Service.locations': 5,
  'Measure.areas': 20,
  'Measure.indicators': 10,
  'ParticipationEvent.areas': 20,
  'Plan.goals': 30,
  'Plan.references': 20,
  'Plan.participationEvents': 20,
  'Goal.measures': 30,
  'Query.indicators': 60,
  'Query.sources': 60,
  'Query.serviceCategories': 30,
  'Query.plans': 20,
  'Query.measures': 100,
  'Query.participationEvents': 50,
  'Query.priceIndex': 40,
  'Query.users': 100,
  'Query.apiKeys': 100,
  // areas × years of a funding report
  'Query.fundingTotals': 500,
  // the hub's cities and what each has or lacks (the map's Cities query asks for all of it)
  'Query.cities': 10,
  'City.unavailable': 15,
  'City.levels': 5,
  'City.missingLevels': 5,
  'City.placeLayers': 10,
};
/** Lists not named above: per-area analysis rows and import reports, about one row per area. */
export const DEFAULT_LIST_ESTIMATE = 100;

/**
 * The most a query may cost. The costliest operation of the map client (62,007 with default page
 * sizes) stays below half of it; `neighbours` nested three deep under 100 areas (361,400) does not
 * (cost.test.ts measures every client document and documented example against this limit).
 */
export const MAX_COST = 200_000;

/** Introspection (`__schema`, `__type` and the `__…` types below them) is counted on its own. */
const isIntrospection = (typeName: string, fieldName: string) => typeName.startsWith('__') || fieldName.startsWith('__');

export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isIntrospection(type.name, field.name)) return 0;
  const own = 1 + childComplexity;
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
    return first * own;
  }
  const nullable = getNullableType(field.type);
  if (!isListType(nullable) || isLeafType(getNamedType(field.type))) return own;
  // edges/nodes of a connection are already counted by the parent's `first`
  if (type.name.endsWith('Connection')) return own;
  return (LIST_ESTIMATES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE) * own;
};

export function queryCost(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]['query'], variables?: Record<string, unknown>, operationName?: string) {
  return getComplexity({ schema, query, variables, operationName, estimators: [listSizeEstimator] });
}

/**
 * Introspection reads the schema in memory, so its lists are as long as the schema's own: the
 * number of types, and per type the average number of fields, arguments, enum values, … (rounded
 * up). GraphiQL's full introspection query stays far below MAX_INTROSPECTION_COST; nesting
 * `types { fields { type { fields { … } } } }` multiplies by the fields per level and is refused.
 */
export const MAX_INTROSPECTION_COST = 1_000_000;

const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();
function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  let sizes = introspectionSizes.get(schema);
  if (sizes) return sizes;
  const types = Object.values(schema.getTypeMap());
  const mean = (counts: number[]) => (counts.length ? Math.ceil(counts.reduce((a, b) => a + b, 0) / counts.length) : 1);
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t)) as { getFields(): Record<string, { args: readonly unknown[] }> }[];
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  const directives = schema.getDirectives();
  sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': mean(withFields.map((t) => Object.keys(t.getFields()).length)),
    '__Type.inputFields': mean(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)),
    '__Type.enumValues': mean(types.filter(isEnumType).map((t) => t.getValues().length)),
    '__Type.interfaces': mean(types.filter(isObjectType).map((t) => t.getInterfaces().length)),
    '__Type.possibleTypes': mean(types.filter(isUnionType).map((t) => t.getTypes().length)),
    '__Field.args': mean(fields.map((f) => f.args.length)),
    '__Directive.args': mean(directives.map((d) => d.args.length)),
  };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

export function introspectionCost(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]['query'], variables?: Record<string, unknown>, operationName?: string) {
  const sizes = introspectionListSizes(schema);
  const estimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
    if (!isIntrospection(type.name, field.name)) return 0;
    const own = 1 + childComplexity;
    const nullable = getNullableType(field.type);
    if (!isListType(nullable) || isLeafType(getNamedType(field.type))) return own;
    return (sizes[`${type.name}.${field.name}`] ?? sizes['__Schema.types']!) * own;
  };
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}

export class CostLimitError extends GraphQLError {
  constructor(cost: number, max: number) {
    super(
      `Die Abfrage ist zu aufwendig (Kosten ${cost}, höchstens ${max}): bitte weniger verschachteln oder mit first kleinere Seiten abfragen. (Query cost ${cost} exceeds the limit of ${max}.)`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: max, http: { status: 400 } } },
    );
  }
}

/** Refuses a costly operation after validation, with the variables known, before execution. */
export function costLimitPlugin<T extends object>(max = MAX_COST): ApolloServerPlugin<T> {
  // the cost depends only on the document, the operation and the variables: worked out once each
  const costs = new DocumentCache<{ cost: number; introspection: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          let introspection: number;
          try {
            ({ cost, introspection } = costs.get(document, variablesKey(request.operationName, request.variables), () => ({
              cost: queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined),
              introspection: introspectionCost(schema, document, request.variables ?? {}, request.operationName ?? undefined),
            })));
          } catch {
            // variables that do not fit the operation: execution refuses them with its own message
            return;
          }
          if (cost > max) throw new CostLimitError(cost, max);
          if (introspection > MAX_INTROSPECTION_COST) throw new CostLimitError(introspection, MAX_INTROSPECTION_COST);
        },
      };
    },
  };
}
