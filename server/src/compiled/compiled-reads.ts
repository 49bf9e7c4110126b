import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { Context } from '../context';
import type { Metrics } from '../metrics';
import { DocumentCache, variablesKey } from '../http/document-cache';
import { compileQuery, NotCompilable, type CompiledQuery } from './compile';

/**
 * Answers compilable queries (compile.ts) with one SQL statement, after Apollo has parsed,
 * validated and cost-checked them and before graphql-js would execute them. Everything else, and
 * every compiled query whose preconditions do not hold, is executed as before.
 * `GRAPHQL_COMPILED_READS=false` turns it off (docs/operations.md).
 */
export function compiledReadsPlugin(metrics?: Metrics): ApolloServerPlugin<Context> {
  // documents that can never be compiled, so they cost one lookup from then on (Apollo keeps
  // parsed documents in its document store: the same object comes back for the same query)
  const never = new WeakSet<DocumentNode>();
  // the statement depends on the document, the operation, the variables and what the caller may
  // see (compileQuery takes no more of the caller than that), so it is compiled once for each
  const statements = new DocumentCache<CompiledQuery | null>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request, schema, contextValue }) {
          if (!operation || never.has(document)) return null;
          const { canSeeSuppressed, canSeeUnpublished } = contextValue.caller;
          const visibility = { canSeeSuppressed, canSeeUnpublished };
          const key = `${canSeeSuppressed ? 1 : 0}${canSeeUnpublished ? 1 : 0}${variablesKey(request.operationName, request.variables)}`;
          let compiled;
          try {
            compiled = statements.get(document, key, () => compileQuery(schema, document, operation, request.variables ?? {}, visibility));
          } catch (error) {
            if (!(error instanceof NotCompilable)) throw error;
            never.add(document);
            return null;
          }
          if (!compiled) return null;
          let row: { ok: boolean; data: string | null } | undefined;
          try {
            [row] = await contextValue.prisma.$queryRaw<{ ok: boolean; data: string | null }[]>(compiled.sql);
          } catch {
            // the ordinary path meets the same failure (database down, timeout) and reports it as usual
            metrics?.compiledReads.inc({ outcome: 'failed' });
            return null;
          }
          if (!row?.ok || row.data === null) {
            metrics?.compiledReads.inc({ outcome: 'precondition' });
            return null;
          }
          metrics?.compiledReads.inc({ outcome: 'compiled' });
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(row.data) } } };
        },
      };
    },
  };
}
