import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@sozialatlas/db';
import { importBudget } from './importers/budget';
import { importPlaces } from './importers/places';
import { importRealServices } from './importers/real-services';
import { importDemo } from './importers/demo';
import { importDistricts } from './importers/districts';
import { importKitas } from './importers/kitas';
import { importPriceIndex } from './importers/price-index';
import { importStatistics } from './importers/statistics';
import { formatReport, type ImportReport } from './report';
import { CITY_CODE } from './importers/districts';
import { importCity, readManifest } from './importers/city-manifest';
import { seedPackageDir } from './paths';

export interface SeedOptions {
  /** Suppress the printed import reports (tests). */
  quiet?: boolean;
  /** Where reports go when not quiet (default console.log). */
  log?: (line: string) => void;
  /** Import the labelled demo data for categories without real data (default true; `SEED_DEMO=false` turns it off). */
  demo?: boolean;
  /** Also write the reports to this file (the CLI and the server pass `.data/seed-report.txt`). */
  reportFile?: string;
}

/** `SEED_DEMO=false` (or 0/no) switches the demo data off. */
export const demoFromEnv = (value = process.env.SEED_DEMO) => !/^(false|0|no)$/i.test(value ?? '');

/**
 * Imports everything `npm start` ships into an empty, migrated database: Leipzig districts,
 * statistics, day-care centres, the real service lists (geocoded), transit stops and OSM social
 * buildings, the consumer price index, and the labelled demo data for categories without real data.
 * Each importer is one transaction (all-or-nothing) and idempotent: a second run writes nothing.
 */
export async function seedLeipzig(prisma: PrismaClient, options: SeedOptions = {}): Promise<ImportReport[]> {
  await refuseOtherDataSet(prisma);
  const log = options.log ?? console.log;
  const reports: ImportReport[] = [];
  const one = (step: () => Promise<ImportReport>) => async () => [await step()];
  const steps: [string, () => Promise<ImportReport[]>][] = [
    ['districts', one(() => importDistricts(prisma))],
    ['statistics', one(() => importStatistics(prisma))],
    ['kitas', one(() => importKitas(prisma))],
    ['real services', () => importRealServices(prisma)],
    ['transit stops and social buildings', () => importPlaces(prisma)],
    ['price index', one(() => importPriceIndex(prisma))],
    ['budget 2025/2026', () => importBudget(prisma)],
  ];
  if (options.demo ?? true) steps.push(['demo', one(async () => importDemo(prisma, { realCategories: await realCategories(prisma) }))]);
  for (const dir of shippedCityDirs()) steps.push([`city ${path.basename(dir)}`, () => importCity(prisma, dir)]);
  const started = Date.now();
  for (const [name, step] of steps) {
    const t0 = Date.now();
    const done = await step();
    for (const report of done) {
      reports.push(report);
      if (!options.quiet) log(formatReport(report));
    }
    if (!options.quiet) log(`   (${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await refreshStatistics(prisma);
  if (!options.quiet) log(`seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s${options.demo ?? true ? '' : ' (SEED_DEMO=false: no demo data)'}`);
  if (options.reportFile) {
    mkdirSync(path.dirname(options.reportFile), { recursive: true });
    writeFileSync(options.reportFile, `${reports.map((r) => formatReport(r, Number.MAX_SAFE_INTEGER)).join('\n')}\n`);
    if (!options.quiet) log(`import report written to ${options.reportFile}`);
  }
  return reports;
}

/**
 * The Leipzig import goes into an empty database or one it filled before. Into another data set
 * (e.g. the synthetic city) it would add Leipzig's areas beside that city's, leaving two cities
 * the server cannot serve: refused before anything is written.
 */
async function refuseOtherDataSet(prisma: PrismaClient): Promise<void> {
  const [held] = await prisma.$queryRaw<{ areas: number; leipzig: number; city: string | null }[]>`
    SELECT (SELECT count(*) FROM area)::int AS areas,
           (SELECT count(*) FROM area WHERE code = ${CITY_CODE})::int AS leipzig,
           (SELECT name FROM area WHERE level = 'CITY' ORDER BY id LIMIT 1) AS city`;
  if (!held || held.areas === 0 || held.leipzig > 0) return;
  const city = held.city ? ` „${held.city}“` : '';
  throw new Error(
    `Die Datenbank enthält einen anderen Datenbestand (${held.areas} Gebiete${city}); die Leipzig-Daten werden nur in eine leere Datenbank importiert. ` +
      'Mit SEED_ON_START=false wird dieser Bestand ohne Import bereitgestellt, sonst einen neuen DATA_DIR bzw. eine neue Datenbank wählen. ' +
      `(The database holds another data set (${held.areas} areas${city}); the Leipzig data is imported only into an empty database: ` +
      'set SEED_ON_START=false to serve that data set as it is, or use a fresh DATA_DIR or database.)',
  );
}

/** Categories that hold at least one service from a non-synthetic source. */
async function realCategories(prisma: PrismaClient): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT c.key FROM service s JOIN service_category c ON c.id = s.category_id JOIN source src ON src.id = s.source_id
     WHERE NOT src.synthetic`;
  return new Set(rows.map((r) => r.key));
}

/**
 * Refreshes the planner statistics after a bulk load. The embedded database has no autovacuum, and
 * without row counts the planner picks nested loops that turn a one-second query into a minute.
 */
export async function refreshStatistics(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`ANALYZE`;
}

/**
 * The folders of the shipped further cities: every seed/data/<city>/ with a city.json manifest
 * (Leipzig, the default city, has importers of its own), in name order.
 */
export function shippedCityDirs(): string[] {
  const data = path.join(seedPackageDir(), 'data');
  return readdirSync(data, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(data, d.name, 'city.json')))
    .map((d) => path.join(data, d.name))
    .sort();
}

/**
 * True when the Leipzig data has been imported (the city and its Ortsteile exist) and every
 * shipped further city too: a database seeded before a city was added gets it on the next start.
 */
export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  const keys = shippedCityDirs().map((dir) => readManifest(dir).key);
  const rows = await prisma.$queryRaw<{ city: number; districts: number; cities: number }[]>`
    SELECT (SELECT count(*) FROM area WHERE code = ${CITY_CODE} AND level = 'CITY')::int AS city,
           (SELECT count(*) FROM area WHERE level = 'DISTRICT')::int AS districts,
           (SELECT count(*) FROM city WHERE key = ANY(${keys}::text[]))::int AS cities`;
  return (rows[0]?.city ?? 0) > 0 && (rows[0]?.districts ?? 0) > 0 && rows[0]?.cities === keys.length;
}

export { importDistricts, BOROUGHS, CITY_CODE, CITY_KEY } from './importers/districts';
export { importCity, readManifest, fill, type CityManifest } from './importers/city-manifest';
export { cityResidents } from './importers/cities';
export { importStatistics, upsertIndicators, upsertRelations } from './importers/statistics';
export {
  leipzigMapping,
  loadMapping,
  MappingError,
  parseMapping,
  type FileMapping,
  type IndicatorDef,
  type MappingProblem,
  type RelationDef,
  type StatisticsMapping,
} from './importers/statistics.mapping';
export { importKitas, ACCESSIBILITY } from './importers/kitas';
export { importPriceIndex } from './importers/price-index';
export { importDemo } from './importers/demo';
export { importRealServices, parseAddressUri, looseProviderKey, RDF_FILES, OFFICES_FILE } from './importers/real-services';
export { mapOfficeUnit, mapVereinCategories, splitCategories, VEREIN_CATEGORY_RULES, NOT_SOCIAL } from './importers/service-mapping';
export { importPlaces } from './importers/places';
export { importBudget, parseBudgetFile, BudgetFileError, BUDGET_FILES } from './importers/budget';
export { generateSynthetic, type SyntheticOptions } from './synthetic';
export { CATEGORIES, CORE_CATEGORIES, LIST_CATEGORIES, type CategoryKey } from './categories';
export { SOURCES, LEIPZIG_ATTRIBUTION } from './sources';
export { formatReport, newReport, type ImportReport, type ReportEntry } from './report';
export { leipzigGeocoder, LEIPZIG_ADDRESS_FILE } from './geocoding/leipzig';
