import { GraphQLError } from 'graphql';

/**
 * The few typed errors the API raises. Each carries a stable `extensions.code`; everything else is
 * masked as INTERNAL_SERVER_ERROR by the server (see http/graphql.ts).
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
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

export const exposedErrorCodes = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
