import type { ApolloServerPlugin } from '@apollo/server';
import { currentReadScope, parseLsn, runInReadScope, type Database, type ReadScope } from '@sozialatlas/db';
import type { Request, RequestHandler, Response } from 'express';
import { readCookie } from '../modules/auth/session';

// Which requests may read from a replica (docs/operations.md, "Read replicas"). Read-your-writes:
// a request that wrote reads the primary from then on, and gets the primary's WAL position back
// as a cookie (browsers) and a response header (API clients, who may send it back as a header).
// A later request carrying it reads only from a replica that has replayed that far.

export const WROTE_COOKIE = 'sa_wrote';
export const WROTE_HEADER = 'x-sozialatlas-wrote-lsn';

const responses = new WeakMap<ReadScope, Response>();

function callerPosition(req: Request): bigint | undefined {
  const token = req.get(WROTE_HEADER) ?? readCookie(req.get('cookie'), WROTE_COOKIE);
  if (!token) return undefined;
  try {
    return parseLsn(token);
  } catch {
    return undefined; // a mangled token only costs that caller the replica
  }
}

/**
 * Opens the read scope for the rest of this request. `replica`: read-only routes (exports, OGC);
 * `primary`: /graphql until its operation is known (readScopePlugin lets queries use a replica).
 * Put it right before the handler: the scope follows the handler's async work.
 */
export function readScope(db: Database, mode: ReadScope['mode']): RequestHandler {
  return (req, res, next) => {
    if (!db.replicas) return next();
    const scope: ReadScope = { mode, minLsn: callerPosition(req), wrote: false };
    responses.set(scope, res);
    runInReadScope(scope, next);
  };
}

/** GraphQL: queries may read from a replica, mutations never; a write hands out the position. */
export function readScopePlugin<T extends object>(db: Database, windowSeconds: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const scope = currentReadScope();
          if (scope) scope.mode = operation?.operation === 'query' ? 'replica' : 'primary';
        },
        async willSendResponse() {
          const scope = currentReadScope();
          const res = scope && responses.get(scope);
          if (!scope?.wrote || !res || !db.primaryPosition) return;
          try {
            const lsn = await db.primaryPosition();
            res.setHeader(WROTE_HEADER, lsn);
            res.append('Set-Cookie', `${WROTE_COOKIE}=${lsn}; Max-Age=${windowSeconds}; Path=/; HttpOnly; SameSite=Lax`);
          } catch {
            // Primary unreachable after the write: the caller reads from the primary anyway while
            // replicas lag, and nothing is gained by failing the answer.
          }
        },
      };
    },
  };
}
