import { Client, cacheExchange, fetchExchange } from 'urql';

export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-first',
  // POST: the server's CSRF guard rejects simple GET requests without a preflight header.
  preferGetMethod: false,
  // The planner's session is an HttpOnly cookie of this origin; it never goes anywhere else.
  fetchOptions: { credentials: 'same-origin' },
});
