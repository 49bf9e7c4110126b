import path from 'node:path';

/** Everything the server reads from the environment, parsed once, with the defaults of `npm start`. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… of a PostGIS server; absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Import the Leipzig data into an empty database on start. */
  seedOnStart: boolean;
  /** Folder of the built map client served at `/`; absent if not built. */
  clientDir: string;
  logLevel: string;
  /** Development shows error details (stack traces) in responses; production never does. */
  development: boolean;
  corsOrigins: string[];
  /** Origins whose pages may show the map in an iframe (/embed); the same origin always may. */
  embedOrigins: string[];
  /** Requests per minute per IP address and per API key at /graphql (docs/security.md). */
  rateLimits: { perIpPerMinute: number; perKeyPerMinute: number };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const repoRoot = path.resolve(__dirname, '..', '..');

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data', 'pglite')),
    seedOnStart: env.SEED_ON_START !== 'false',
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(repoRoot, 'client', 'dist')),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    development: env.NODE_ENV === 'development',
    corsOrigins: list(env.CORS_ORIGINS),
    embedOrigins: list(env.EMBED_ORIGINS),
    rateLimits: {
      perIpPerMinute: positiveInt(env, 'RATE_LIMIT_PER_IP', 300),
      perKeyPerMinute: positiveInt(env, 'RATE_LIMIT_PER_KEY', 1200),
    },
  };
}
