import './production-default';
import path from 'node:path';
import 'reflect-metadata';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { migrate, openDatabase, type Database } from '@sozialatlas/db';
import { demoFromEnv, isSeeded, seedLeipzig } from '@sozialatlas/seed';
import { readConfig } from './config';
import { createApp } from './http/app';
import { createLogger } from './logger';

/** Start-up: open the database, migrate, import Leipzig on first run, serve on one port. */
async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const open = () => openDatabase(
    config.databaseUrl
      ? {
          databaseUrl: config.databaseUrl,
          statementTimeoutMs: config.statementTimeoutMs,
          onConnectionError: (err) => logger.warn({ err }, 'database connection lost; it will be replaced'),
          replicaUrls: config.replicas.urls,
          replicaMaxLagSeconds: config.replicas.maxLagSeconds,
          replicaCheckIntervalMs: config.replicas.checkIntervalMs,
          onReplicaChange: (replica) =>
            replica.healthy ? logger.info({ replica }, 'read replica back in use') : logger.warn({ replica }, 'read replica taken out; its reads go to the primary'),
        }
      : { dataDir: config.dataDir },
  );
  let db: Database = await open();
  logger.info({ database: db.kind, dataDir: config.databaseUrl ? undefined : config.dataDir, replicas: db.replicas?.status() }, 'database open');

  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  if (config.seedOnStart && !(await isSeeded(db.prisma))) {
    logger.info('empty database: importing the Leipzig data (first start only)');
    // the full import report goes next to the database folder's parent (.data/seed-report.txt by default)
    await seedLeipzig(db.prisma, { quiet: false, demo: demoFromEnv(), reportFile: path.join(path.dirname(config.dataDir), 'seed-report.txt') });
    if (db.kind === 'pglite') {
      // PGlite's WebAssembly heap grew during the import and never shrinks: a fresh instance
      // serves with the memory of a warm start (the old one is garbage-collected).
      await db.close();
      db = await open();
    }
  }

  const httpServer = createServer();
  const { app, apollo } = await createApp({ db, config, logger, httpServer });
  httpServer.on('request', app);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, startupMs: Date.now() - started }, 'Sozialatlas is ready');
  process.stdout.write(`\n  Sozialatlas läuft / is running: http://localhost:${port}/\n  GraphQL API: http://localhost:${port}/graphql\n\n`);

  // Graceful shutdown: stop accepting requests, finish running ones, then close the database so
  // PGlite flushes its files (a Ctrl-C never leaves a corrupt data folder).
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await apollo.stop(); // stops accepting requests and drains running ones
      logger.info('HTTP server stopped');
      await db.close();
      logger.info('database closed; bye');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  // Start-up failures go to stderr in plain words (no data leaves the machine).
  process.stderr.write(`Sozialatlas could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String((error.cause as Error).message ?? error.cause)}\n`);
  process.exit(1);
});
