import { createHash } from 'node:crypto';
import type { PrismaClient } from '@sozialatlas/db';
import type { RequestHandler } from 'express';
import { getNamedType, parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import type { Caller } from '../modules/auth/caller';

// HTTP caching of read-only GraphQL GET requests (the map's geometry above all): an ETag derived
// from the data version (table data_version, bumped at commit by triggers on the tables below) and
// `Cache-Control: public, no-cache`, so browsers and proxies keep the answer and revalidate it with
// If-None-Match; an unchanged version answers 304 before anything is executed. Only anonymous
// callers get public answers; anyone signed in or with a key gets `private, no-store`.
//
// Which queries: only those whose every field reads the tables that bump the version (areas,
// their geometry levels, indicators, values, sources); anything else (services, plans, analyses …)
// is answered as before, without cache headers. Keep this list and the triggers of migration
// 20261202040000_data_version in step.
const CACHEABLE: Record<string, ReadonlySet<string>> = {
  Query: new Set(['areas', 'area', 'indicatorValues', 'indicators', 'indicator']),
  AreaConnection: new Set(['nodes', 'edges', 'pageInfo', 'totalCount']),
  AreaEdge: new Set(['node', 'cursor']),
  IndicatorValueConnection: new Set(['nodes', 'edges', 'pageInfo', 'totalCount']),
  IndicatorValueEdge: new Set(['node', 'cursor']),
  PageInfo: new Set(['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor']),
  Area: new Set(['id', 'code', 'name', 'level', 'areaKm2', 'geometry', 'labelPoint', 'parent', 'children', 'neighbours', 'value', 'series']),
  IndicatorValue: new Set(['area', 'derived', 'indicator', 'missingReason', 'origin', 'originAt', 'source', 'status', 'value', 'year']),
  Indicator: new Set(['aggregation', 'denominator', 'denominatorProxy', 'description', 'id', 'key', 'name', 'nameEn', 'numerator', 'polarity', 'source', 'topic', 'unit', 'version']),
  Source: new Set(['attribution', 'id', 'key', 'licence', 'publisher', 'retrievedAt', 'synthetic', 'title', 'url', 'version']),
};

/** True when `query` is one query operation whose every field is in CACHEABLE. */
export function isCacheableQuery(schema: GraphQLSchema, query: string, operationName?: string): boolean {
  let document;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch {
    return false; // Apollo answers the syntax error
  }
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const operation = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === operationName);
  if (!operation || operation.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        if (node !== operation) return false; // other operations of the document do not run
        return undefined;
      },
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const parentName = parent ? getNamedType(parent).name : '';
        if (!CACHEABLE[parentName]?.has(node.name.value)) cacheable = false;
      },
    }),
  );
  return cacheable;
}

/** The data version: it grows with every committed transaction that changed a cached table. */
export async function dataVersion(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`SELECT version FROM data_version WHERE id = 1`;
  return String(row?.version ?? 0);
}

export interface HttpCacheOptions {
  prisma: PrismaClient;
  schema: GraphQLSchema;
  callerOf: (req: Parameters<RequestHandler>[0]) => Caller;
  /** With read replicas the data may lag behind the primary's version: no ETags then. */
  enabled: boolean;
}

const decisions = new Map<string, boolean>();
const MAX_DECISIONS = 1000;

/** Express middleware for GET /graphql, after the caller is known and before Apollo. */
export function httpCache({ prisma, schema, callerOf, enabled }: HttpCacheOptions): RequestHandler {
  // A new server version may answer differently: it is part of every ETag.
  const schemaId = createHash('sha256').update(JSON.stringify(Object.keys(schema.getTypeMap()))).update(process.env.npm_package_version ?? '').digest('base64url').slice(0, 8);
  return async (req, res, next) => {
    if (req.method !== 'GET' || !enabled || typeof req.query.query !== 'string') return next();
    if (callerOf(req).role !== 'ANONYMOUS') {
      res.setHeader('Cache-Control', 'private, no-store');
      return next();
    }
    const query = req.query.query;
    const operationName = typeof req.query.operationName === 'string' ? req.query.operationName : undefined;
    const decisionKey = `${operationName ?? ''}\n${query}`;
    let cacheable = decisions.get(decisionKey);
    if (cacheable === undefined) {
      cacheable = isCacheableQuery(schema, query, operationName);
      if (decisions.size >= MAX_DECISIONS) decisions.clear();
      decisions.set(decisionKey, cacheable);
    }
    if (!cacheable) return next();
    try {
      // read before the query runs: the answer is then at least as new as the version it is tagged with
      const version = await dataVersion(prisma);
      const urlHash = createHash('sha256').update(req.originalUrl).digest('base64url').slice(0, 16);
      const etag = `W/"${version}-${schemaId}-${urlHash}"`;
      res.setHeader('Cache-Control', 'public, no-cache');
      res.setHeader('Vary', 'Accept-Encoding, Authorization, Cookie, X-Api-Key');
      const ifNoneMatch = req.get('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
        res.status(304).end();
        return;
      }
      res.setHeader('ETag', etag);
      // an answer with errors (e.g. the database was away) must not be kept under this version
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode !== 200 || (typeof body === 'string' && body.includes('"errors":'))) {
          res.removeHeader('ETag');
          res.setHeader('Cache-Control', 'no-store');
        }
        return send(body);
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}
