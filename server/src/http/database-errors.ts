import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';

// PostgreSQL restarting or failing over, a connection cut, the pool exhausted: the request cannot be
// served now but may be in a moment. Such errors are answered with 503 and DATABASE_UNAVAILABLE
// (GraphQL, /export, /ogc alike) instead of an internal error; the pool opens new connections as
// soon as the server is back, nothing needs a restart.

/** SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: shutdown, crash, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
const UNAVAILABLE_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Prisma: can't reach server, timed out, server closed the connection, pool timeout. */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const UNAVAILABLE_TEXT =
  /Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|connect ECONNREFUSED|Can't reach database server|Server has closed the connection|ConnectionClosed|DatabaseNotReachable/i;

/** SQLSTATE 57014: canceled by statement_timeout. */
const TIMEOUT_SQLSTATE = '57014';

export type DatabaseFailure = 'DATABASE_UNAVAILABLE' | 'QUERY_TIMEOUT' | 'DATABASE_BUSY';

/** Walks an error and its causes (Prisma wraps the driver's error) and classifies it. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && !seen.has(current) && depth < 8; depth++) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; meta?: unknown; kind?: unknown; originalCode?: unknown };
    const codes = [e.code, e.originalCode, (e.meta as { code?: unknown } | undefined)?.code, (e.cause as { originalCode?: unknown } | undefined)?.originalCode].map((c) => (typeof c === 'string' ? c : ''));
    if (codes.includes('DATABASE_BUSY') || /DATABASE_BUSY/.test(String(e.message ?? ''))) return 'DATABASE_BUSY';
    if (codes.includes(TIMEOUT_SQLSTATE) || /canceling statement due to statement timeout/i.test(String(e.message ?? ''))) return 'QUERY_TIMEOUT';
    if (codes.some((c) => UNAVAILABLE_SQLSTATE.test(c) || UNAVAILABLE_NODE.has(c) || UNAVAILABLE_PRISMA.has(c))) return 'DATABASE_UNAVAILABLE';
    if (UNAVAILABLE_TEXT.test(String(e.message ?? '')) || UNAVAILABLE_TEXT.test(String(e.kind ?? ''))) return 'DATABASE_UNAVAILABLE';
    current = e.originalError ?? e.cause;
  }
  return null;
}

export const DATABASE_MESSAGES: Record<DatabaseFailure, string> = {
  DATABASE_UNAVAILABLE: 'Die Datenbank ist gerade nicht erreichbar; bitte gleich noch einmal versuchen. (database unavailable, retry shortly)',
  DATABASE_BUSY: 'Der Server ist gerade ausgelastet; die Anfrage hat ihr Zeitbudget aufgebraucht. Bitte gleich noch einmal versuchen oder weniger auf einmal abfragen. (server busy: request exceeded its time budget)',
  QUERY_TIMEOUT: 'Die Abfrage hat zu lange gedauert und wurde abgebrochen; bitte weniger auf einmal abfragen. (query took too long and was canceled)',
};

/** Seconds a client should wait before retrying. */
const RETRY_AFTER_S = '2';

/** GraphQL: such errors make the whole answer a 503 with Retry-After. */
export function databaseErrorsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (errors?.some((error: GraphQLError) => databaseFailure(unwrapResolverError(error)) !== null)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', RETRY_AFTER_S);
          }
        },
      };
    },
  };
}

/** Express: /export, /ogc and the caller lookup answer such errors with 503 JSON. */
export function databaseErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const failure = databaseFailure(error);
  if (!failure || res.headersSent) return next(error);
  res.status(503).set('retry-after', RETRY_AFTER_S).json({ errors: [{ message: DATABASE_MESSAGES[failure], extensions: { code: failure } }] });
}
