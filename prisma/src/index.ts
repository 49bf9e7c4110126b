export { DatabaseBusyError, openDatabase, withDatabaseBudget } from './database';
export { DataDirInUseError } from './data-dir-lock';
export type { Database, DatabaseKind, OpenDatabaseOptions, ScriptSession } from './database';
export { migrate, migrationStatus, readMigrations } from './migrate';
export type { Migration, MigrationStatus } from './migrate';
export { migrationsDir, schemaPath } from './paths';
export { Prisma, PrismaClient } from '../generated/prisma/client';
export * from '../generated/prisma/enums';
