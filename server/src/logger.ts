import pino from 'pino';

/** Query parameters that can carry a credential when a client puts one into a link. */
const SECRET_PARAMS = /^(key|api_?key|apikey|x-api-key|token|access_token|auth|session|password)$/i;

/** The URL with the values of credential-like query parameters replaced (for the request log). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    let name = eq < 0 ? pair : pair.slice(0, eq);
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // undecodable names are compared as they are
    }
    return eq >= 0 && SECRET_PARAMS.test(name) ? `${pair.slice(0, eq)}=[redacted]` : pair;
  });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** The parsed query (`req.query` in the request log) with credential-like values replaced. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMS.test(name) ? '[redacted]' : value]));
}

/** Structured JSON logs. Credentials never reach them: auth headers, cookies and key-like query parameters are redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({
    level,
    base: { service: 'sozialatlas' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  }, destination);
}

export type Logger = ReturnType<typeof createLogger>;
