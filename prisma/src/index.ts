export { DatabaseBusyError, openDatabase, withDatabaseBudget } from './database';
export { currentReadScope, formatLsn, parseLsn, ReplicaSet, routeReads, runInReadScope, stalenessSeconds } from './replicas';
export type { ReadScope, ReplicaProbe, ReplicaStatus, ReplicaTarget } from './replicas';
export { DataDirInUseError } from './data-dir-lock';
export type { Database, DatabaseKind, OpenDatabaseOptions, ScriptSession } from './database';
export { migrate, migrationStatus, readMigrations } from './migrate';
export type { Migration, MigrationStatus } from './migrate';
export { migrationsDir, schemaPath } from './paths';
export { deriveAggregates, dependentIndicators, hiddenCells, type Cell, type DeriveResult, type SuppressionModel } from './domain/aggregate';
export {
  axisFit,
  bbox,
  checkGeometries,
  detectAxisOrder,
  GERMANY,
  insideRegion,
  PROJECTED_SRIDS,
  shapeProblem,
  storedAreaGeometry,
  swapAxes,
  toLonLat,
  type AxisOrder,
  type GeometryCheck,
  type PolygonFeature,
  type PolygonGeometry,
  type Region,
  type ShapeProblem,
} from './domain/geometry';
export { classifyProvider, cleanName, normalizeProviderName, upsertProviders, type ProviderRow } from './domain/providers';
export { batches, type Tx } from './domain/transaction';
export { upsertValues, type Provenance, type ValueConflict, type ValueRow } from './domain/values';
export { plausibilityWarnings, unitProblem, unitProblemTexts, UNIT_RANGES, type CheckedValue, type PlausibilityOptions } from './domain/value-checks';
export { Prisma, PrismaClient } from '../generated/prisma/client';
export * from '../generated/prisma/enums';
export {
  Geocoder,
  metres,
  type AddressRow,
  type GeocodeResult,
  type KnownAddress,
  type MatchKind,
  type ReverseResult,
} from './domain/geocoding/geocoder';
export { geocoderFor, readAddressTable, OSM_ATTRIBUTION } from './domain/geocoding/address-table';
export { parseAddress, parseHouseNumber, streetKey, type AddressParts, type HouseNumber } from './domain/geocoding/normalize';
