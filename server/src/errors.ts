import { GraphQLError } from 'graphql';
import { InputError, problem } from './input-error';

/**
 * The few typed errors the API raises. Each carries a stable `extensions.code`; everything else is
 * masked as INTERNAL_SERVER_ERROR by the server (see http/graphql.ts).
 */
/** Bad input of one argument: an InputError with one problem, answered as BAD_USER_INPUT. */
export class BadUserInputError extends InputError {
  constructor(message: string, argument: string, reason = 'INVALID') {
    super([problem(argument, reason, message)]);
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, key: string | number) {
    super(`${what} ${JSON.stringify(key)} not found`, { extensions: { code: 'NOT_FOUND', what, key } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Not allowed for your role') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** No or invalid credentials (forged, expired or revoked key; wrong password; locked account). */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Anmeldung erforderlich (authentication required)', reason = 'REQUIRED') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', reason } });
  }
}

/** Optimistic locking: the record changed since the caller read it. */
export class ConflictError extends GraphQLError {
  constructor(entity: string, id: number | string, currentVersion: number) {
    super(
      `Der Datensatz wurde inzwischen von jemand anderem geändert (Version ${currentVersion}). Bitte neu laden und die Änderung erneut eintragen. (${entity} ${id} was changed by someone else)`,
      { extensions: { code: 'CONFLICT', entity, id, currentVersion } },
    );
  }
}

/** A create that would store what is already there (the same funding row twice, e.g. a double-click). */
export class DuplicateError extends GraphQLError {
  constructor(message: string, entity: string, existingId: number | null) {
    super(message, { extensions: { code: 'CONFLICT', reason: 'DUPLICATE', entity, existingId } });
  }
}

export const exposedErrorCodes = new Set([
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'DATABASE_BUSY',
]);
