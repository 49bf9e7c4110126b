import type { PrismaClient } from '@sozialatlas/db';
import { importDemo } from './importers/demo';
import { importDistricts } from './importers/districts';
import { importKitas } from './importers/kitas';
import { importPriceIndex } from './importers/price-index';
import { importStatistics } from './importers/statistics';
import { formatReport, type ImportReport } from './report';
import { CITY_CODE } from './importers/districts';

export interface SeedOptions {
  /** Suppress the printed import reports (tests). */
  quiet?: boolean;
  /** Where reports go when not quiet (default console.log). */
  log?: (line: string) => void;
}

/**
 * Imports everything `npm start` ships into an empty, migrated database: Leipzig districts,
 * statistics, day-care centres, the consumer price index, and the labelled demo data.
 * Each importer is one transaction (all-or-nothing) and idempotent: a second run writes nothing.
 */
export async function seedLeipzig(prisma: PrismaClient, options: SeedOptions = {}): Promise<ImportReport[]> {
  const log = options.log ?? console.log;
  const reports: ImportReport[] = [];
  const steps: [string, () => Promise<ImportReport>][] = [
    ['districts', () => importDistricts(prisma)],
    ['statistics', () => importStatistics(prisma)],
    ['kitas', () => importKitas(prisma)],
    ['price index', () => importPriceIndex(prisma)],
    ['demo', () => importDemo(prisma)],
  ];
  for (const [, step] of steps) {
    const report = await step();
    reports.push(report);
    if (!options.quiet) log(formatReport(report));
  }
  await refreshStatistics(prisma);
  return reports;
}

/**
 * Refreshes the planner statistics after a bulk load. The embedded database has no autovacuum, and
 * without row counts the planner picks nested loops that turn a one-second query into a minute.
 */
export async function refreshStatistics(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`ANALYZE`;
}

/** True when the Leipzig data has been imported (the city and its Ortsteile exist). */
export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ city: number; districts: number }[]>`
    SELECT (SELECT count(*) FROM area WHERE code = ${CITY_CODE})::int AS city,
           (SELECT count(*) FROM area WHERE level = 'DISTRICT')::int AS districts`;
  return (rows[0]?.city ?? 0) > 0 && (rows[0]?.districts ?? 0) > 0;
}

export { importDistricts, BOROUGHS, CITY_CODE } from './importers/districts';
export { importStatistics, upsertIndicators } from './importers/statistics';
export { FILES as STATISTICS_FILES, INDICATORS, type IndicatorDef, type FileMapping } from './importers/statistics.mapping';
export { importKitas, ACCESSIBILITY } from './importers/kitas';
export { importPriceIndex } from './importers/price-index';
export { importDemo } from './importers/demo';
export { generateSynthetic, type SyntheticOptions } from './synthetic';
export { CATEGORIES, type CategoryKey } from './categories';
export { SOURCES, LEIPZIG_ATTRIBUTION } from './sources';
export { formatReport, newReport, type ImportReport, type ReportEntry } from './report';
