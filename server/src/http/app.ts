import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { migrationStatus, withDatabaseBudget, type Database } from '@sozialatlas/db';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config';
import { createContext } from '../context';
import { redactQuery, redactUrl, type Logger } from '../logger';
import { createMetrics } from '../metrics';
import { exportRouter } from '../modules/exports/export.router';
import { callerOf, httpExchange, rateLimits, resolveCaller } from '../modules/auth/http';
import { hasAnyRole } from '../modules/auth/roles';
import { ogcRouter } from '../modules/ogc/ogc.router';
import { getSchema } from '../schema';
import { explorerRouter } from './explorer';
import { mapConfigRouter } from './map-config';
import { databaseErrorHandler } from './database-errors';
import { concurrencyLimit } from './concurrency';
import { createApollo } from './graphql';
import { httpCache } from './http-cache';
import { queryLimits } from './limits';
import { readScope, readScopePlugin } from './read-scope';
import { loadTrustedDocuments, trustedDocumentsGuard } from './trusted-documents';

export interface AppDependencies {
  db: Database;
  config: Config;
  logger: Logger;
  /** The HTTP server the app will run in, drained on shutdown. */
  httpServer: Server;
}

/** The whole HTTP surface on one port: GraphQL, health, metrics, and the built map. */
export async function createApp({ db, config, logger, httpServer }: AppDependencies) {
  const metrics = createMetrics(db.replicas);
  const apollo = await createApollo({
    development: config.development,
    logger,
    metrics,
    compiledReads: config.compiledReads,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // a caller's position stays needed until every replica within the lag bound has it
      readScopePlugin(db, Math.ceil(config.replicas.maxLagSeconds + (2 * config.replicas.checkIntervalMs) / 1000)),
    ],
  });

  const trusted = loadTrustedDocuments(config.trustedDocuments);
  if (config.trustedDocuments.enforce) logger.info({ documents: trusted?.size, file: config.trustedDocuments.file }, 'anonymous GraphQL requests limited to trusted documents');

  // an operator's basemap (BASEMAP_*) may come from another host of theirs: only that one is allowed
  const basemapOrigins = config.basemap?.origins ?? [];
  const app = express();
  // Browsers on other origins only when configured (CORS_ORIGINS); same-origin always works.
  const corsOptions = { origin: config.corsOrigins.length ? config.corsOrigins : false };
  app.disable('x-powered-by');
  // Security headers. The map needs blob: workers (MapLibre) and inline styles (its popups);
  // nothing is loaded from another origin.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...basemapOrigins],
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", ...basemapOrigins],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          // Other departments may frame the map (/embed) when their origin is configured.
          frameAncestors: ["'self'", ...config.embedOrigins],
          // Intranet installations often run on plain http: do not force https.
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      // X-Frame-Options cannot name other origins; CSP frame-ancestors above governs framing then.
      xFrameOptions: config.embedOrigins.length ? false : { action: 'sameorigin' },
    }),
  );
  // Forwarded headers only from the proxies named in TRUSTED_PROXIES (none by default).
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  // gzip for JSON, GeoJSON, CSV and the map's assets (district geometry shrinks about 4×).
  app.use(compression());
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      // a key pasted into a link (?key=…) must not end up in the log
      serializers: { req: (req: { url: string; query?: unknown }) => ({ ...req, url: redactUrl(req.url), query: redactQuery(req.query) }) },
    }),
  );
  app.use((req, res, next) => {
    const stop = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => stop({ route: req.route?.path ?? routeGroup(req.path), status: String(res.statusCode) }));
    next();
  });

  // Liveness: the process is up and serving.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: the database answers and every migration is applied.
  app.get('/readyz', async (_req, res) => {
    try {
      await db.prisma.$queryRaw`SELECT 1`;
      const status = await migrationStatus(db);
      if (status.pending.length > 0) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations pending', pending: status.pending });
        return;
      }
      // Replicas that are out do not make the instance unready: the primary serves their reads.
      res.json({ status: 'ready', database: db.kind, migrations: status.applied.length, ...(db.replicas ? { replicas: db.replicas.status() } : {}) });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // At most GRAPHQL_MAX_CONCURRENT operations execute at once, the rest wait their turn (before the
  // database budget starts: waiting here does not use it up).
  app.use('/graphql', concurrencyLimit(config.graphqlConcurrency).handler);

  // Every request that reaches the database gets a time budget there (embedded database: docs/security.md).
  const budget: express.RequestHandler = (_req, _res, next) => withDatabaseBudget(config.requestBudgetMs, next);
  app.use(['/graphql', '/export', '/ogc'], budget);

  // Imports need big bodies; everyone else keeps the small limit (the caller is resolved first).
  const smallBody = express.json({ limit: queryLimits.maxBodyBytes });
  const importBody = express.json({ limit: queryLimits.maxImportBodyBytes });
  const jsonBody: express.RequestHandler = (req, res, next) =>
    (hasAnyRole(callerOf(req), ['STATISTICS']) ? importBody : smallBody)(req, res, next);

  const limits = rateLimits(config.rateLimits);
  app.use(
    '/graphql',
    cors(corsOptions),
    // Rate limits before anything costly; then who is calling (API key or session cookie).
    ...limits.graphql,
    resolveCaller(db.prisma),
    jsonBody,
    // Anonymous callers only with the map's own operations when TRUSTED_DOCUMENTS=true.
    trustedDocumentsGuard(trusted, config.trustedDocuments.enforce, callerOf),
    // ETag / 304 / Cache-Control for read-only GET queries of areas and values (the map's geometry)
    httpCache({ prisma: db.prisma, schema: await getSchema(), callerOf, enabled: !db.replicas }),
    readScope(db, 'primary'),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(db.prisma, callerOf(req), httpExchange(req, res)) }),
  );

  // Body-parser failures (too large, malformed JSON) answer in GraphQL's error shape, not HTML.
  app.use('/graphql', (error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error?.status) return next(error);
    const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    res.status(error.status).json({ errors: [{ message: code === 'PAYLOAD_TOO_LARGE' ? 'Request body too large' : 'Malformed request body', extensions: { code } }] });
  });

  app.use('/graphiql', explorerRouter());
  app.use('/export', cors(corsOptions), ...limits.downloads, resolveCaller(db.prisma), readScope(db, 'replica'), exportRouter(db.prisma, callerOf));
  app.use('/ogc', cors(corsOptions), ...limits.downloads, resolveCaller(db.prisma), readScope(db, 'replica'), ogcRouter(db.prisma, callerOf, { publicUrl: config.publicUrl }));

  app.use(mapConfigRouter(config.basemap));

  // A database that is away (restart, failover) is a 503 everywhere, also in the caller lookup.
  app.use(databaseErrorHandler);

  // The built map client (npm run build); absent in API-only deployments.
  if (existsSync(path.join(config.clientDir, 'index.html'))) {
    app.use(express.static(config.clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|graphiql|export|ogc|healthz|readyz|metrics).*/, (_req, res) => {
      res.sendFile(path.join(config.clientDir, 'index.html'));
    });
  }

  return { app, apollo, metrics };
}

function routeGroup(pathname: string): string {
  const [first] = pathname.split('/').filter(Boolean);
  return first ? `/${first}` : '/';
}
