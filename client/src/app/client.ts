import { Client, cacheExchange, fetchExchange } from 'urql';

/** The map's GraphQL client; a factory so that the server's tests send exactly what the map sends. */
export function createGraphQLClient(url = '/graphql') {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-first',
    // POST: the server's CSRF guard rejects simple GET requests without a preflight header.
    preferGetMethod: false,
    // The planner's session is an HttpOnly cookie of this origin; it never goes anywhere else.
    fetchOptions: { credentials: 'same-origin' },
  });
}

export const client = createGraphQLClient();
