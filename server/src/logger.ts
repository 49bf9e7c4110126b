import pino from 'pino';

/** Structured JSON logs. Credentials never reach them: auth headers and cookies are redacted. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'sozialatlas' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
