import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one GraphQL request may ask for (documented in docs/api.md). The largest query
 * the map sends (all districts with geometry, a value with its indicator and source, service
 * statistics per category) has depth 6 and ≈ 150 tokens, so these leave room for analysts while
 * refusing nesting, alias and fragment bombs quickly, before any resolver runs. The cost limit, which
 * multiplies list sizes, is in cost.ts; the token limit is graphql-js's own (`parseOptions` in
 * graphql.ts), so an oversized document is a parse error (HTTP 400), not a failing plugin (500).
 */
export const queryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5_000,
  /** Request body limit of the HTTP layer (express.json). */
  maxBodyBytes: '200kb',
  /**
   * Body limit for callers who may import (STATISTICS, ADMIN), known before the body is read: a
   * city's district boundaries as GeoJSON or a CSV of all its indicator values are a few megabytes.
   */
  maxImportBodyBytes: '10mb',
} as const;

export function createArmor() {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: queryLimits.maxAliases },
    maxDirectives: { n: queryLimits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
