// Synthetic large city for scale tests: a grid of square Ortsteile (~300 m) grouped into
// Stadtbezirke of about √cols × √cols cells and one city, indicator values for N years with the same keys as
// Leipzig's core indicators, providers, services with locations inside their Ortsteil, and funding.
// Deterministic: every random number is a hash of (seed, what, index), computed in SQL, so the
// bulk rows never travel through JavaScript. Refuses to touch a database that is not empty.
import { deriveAggregates, type PrismaClient } from '@sozialatlas/db';
import { CORE_CATEGORIES as CATEGORIES } from './categories';
import { inTransaction } from './db';
import { upsertCategories } from './categories';
import { upsertNorms } from './importers/demo';
import { importPriceIndex } from './importers/price-index';
import { upsertIndicators } from './importers/statistics';
import { leipzigMapping } from './importers/statistics.mapping';
import { newReport, type ImportReport } from './report';
import { SOURCES, upsertSource } from './sources';

export interface SyntheticOptions {
  /** number of Ortsteile (grid cells) */
  areas: number;
  services: number;
  /** years of indicator values and funding, ending in `lastYear` */
  years: number;
  seed: number;
  lastYear?: number;
}

/** Indicators the synthetic city carries (Leipzig keys, so analyses and the API work unchanged). */
export const SYNTHETIC_INDICATORS = [
  'population', 'unemployed', 'unemployment_rate', 'sgb2_households', 'sgb2_recipients', 'sgb2_rate',
  'sgb2_child_share', 'sgb2_single_parent_households', 'mean_age', 'youth_ratio', 'old_age_ratio',
] as const;

const ORIGIN = { lon: 10.0, lat: 50.5 };
const CELL_M = 300;

export async function generateSynthetic(prisma: PrismaClient, options: SyntheticOptions): Promise<ImportReport> {
  const { areas: n, services: m, years, seed } = options;
  const lastYear = options.lastYear ?? 2024;
  const firstYear = lastYear - years + 1;
  for (const [k, v] of Object.entries({ areas: n, services: m, years, seed })) {
    if (!Number.isInteger(v) || v < (k === 'services' || k === 'seed' ? 0 : 1)) throw new Error(`synthetic: ${k} must be a positive integer, got ${v}`);
  }
  const report = newReport(`synthetic city (areas ${n}, services ${m}, years ${years}, seed ${seed})`);
  const started = Date.now();
  const [used] = await prisma.$queryRaw<{ areas: number; sources: number; services: number; indicators: number }[]>`
    SELECT (SELECT count(*) FROM area)::int AS areas, (SELECT count(*) FROM source)::int AS sources,
           (SELECT count(*) FROM service)::int AS services, (SELECT count(*) FROM indicator)::int AS indicators`;
  if (used!.areas + used!.sources + used!.services + used!.indicators > 0) {
    throw new Error(
      `generateSynthetic needs an empty migrated database, but it holds ${used!.areas} areas, ${used!.sources} sources, ${used!.services} services and ${used!.indicators} indicators; use a fresh DATA_DIR or database`,
    );
  }

  const cols = Math.ceil(Math.sqrt(n));
  const dy = CELL_M / 111_320;
  const dx = CELL_M / (111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180));
  // Stadtbezirke are blocks of BLOCK × BLOCK cells: 10 × 10 for 10,000 cells, 3 × 3 for 50.
  const BLOCK = Math.max(2, Math.round(Math.sqrt(cols)));
  const bcols = Math.ceil(cols / BLOCK);
  const boroughIdx = [...new Set(Array.from({ length: n }, (_, i) => Math.floor(Math.floor(i / cols) / BLOCK) * bcols + Math.floor((i % cols) / BLOCK)))].sort((a, b) => a - b);
  const s = String(seed);

  await inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.syntheticCity);
    const src = source.id;
    await upsertCategories(tx);
    const indicators = await upsertIndicators(tx, leipzigMapping().indicators.filter((d) => (SYNTHETIC_INDICATORS as readonly string[]).includes(d.key)), src);

    // Areas: city, boroughs, then the grid cells (set-based), then union geometries upwards.
    await tx.$executeRaw`INSERT INTO area (level, code, name, source_id) VALUES ('CITY', 'SYN', ${`Synthstadt (Demo, seed ${seed})`}, ${src}::int)`;
    await tx.$executeRaw`
      INSERT INTO area (level, code, name, parent_id, source_id)
      SELECT 'BOROUGH', 'SYN-B' || lpad(b::text, 4, '0'), 'Stadtbezirk ' || b, (SELECT id FROM area WHERE code = 'SYN'), ${src}::int
        FROM unnest(${boroughIdx}::int[]) AS b`;
    await tx.$executeRaw`
      INSERT INTO area (level, code, name, parent_id, geom, source_id)
      SELECT 'DISTRICT', 'SYN-' || lpad(i::text, 6, '0'), 'Ortsteil ' || lpad(i::text, 6, '0'), p.id,
             ST_Multi(ST_MakeEnvelope(${ORIGIN.lon}::float8 + (i % ${cols}::int) * ${dx}::float8, ${ORIGIN.lat}::float8 + (i / ${cols}::int) * ${dy}::float8,
                                      ${ORIGIN.lon}::float8 + (i % ${cols}::int + 1) * ${dx}::float8, ${ORIGIN.lat}::float8 + (i / ${cols}::int + 1) * ${dy}::float8, 4326)),
             ${src}::int
        FROM generate_series(0, ${n - 1}::int) AS i
        JOIN area p ON p.code = 'SYN-B' || lpad((((i / ${cols}::int) / ${BLOCK}::int) * ${bcols}::int + (i % ${cols}::int) / ${BLOCK}::int)::text, 4, '0')`;
    await tx.$executeRaw`
      UPDATE area b SET geom = u.geom
        FROM (SELECT parent_id, ST_Multi(ST_Union(geom)) AS geom FROM area WHERE level = 'DISTRICT' AND source_id = ${src}::int GROUP BY parent_id) u
       WHERE b.id = u.parent_id`;
    await tx.$executeRaw`
      UPDATE area SET geom = (SELECT ST_Multi(ST_Union(geom)) FROM area WHERE level = 'BOROUGH' AND source_id = ${src}::int) WHERE code = 'SYN'`;

    // Indicator values: per cell a few hashed random numbers and a smooth spatial "need" surface.
    await tx.$executeRaw`
      CREATE TEMP TABLE synth_base ON COMMIT DROP AS
      WITH cell AS (
        SELECT a.id, x.i,
               ('x' || substr(md5(${s} || ':pop:' || a.code), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_pop,
               ('x' || substr(md5(${s} || ':need:' || a.code), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_need,
               ('x' || substr(md5(${s} || ':age:' || a.code), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_age,
               ('x' || substr(md5(${s} || ':trend:' || a.code), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_trend
          FROM area a CROSS JOIN LATERAL (SELECT substr(a.code, 5)::int AS i) x
         WHERE a.level = 'DISTRICT' AND a.source_id = ${src}::int
      ), need AS (
        SELECT c.*, least(1, greatest(0, 0.45 + 0.3 * sin((c.i % ${cols}::int) / 7.0 + ${seed % 97}::int) * cos((c.i / ${cols}::int) / 9.0) + 0.35 * (c.u_need - 0.5))) AS need
          FROM cell c
      )
      SELECT n.id AS area_id, y AS year,
             round((400 + 12000 * n.u_pop * n.u_pop) * (1 + 0.012 * (y - ${firstYear}::int) * (n.u_trend - 0.3)))::float8 AS population,
             least(45, greatest(0.5, 1.5 + 26 * n.need - 0.25 * (y - ${firstYear}::int) * n.u_trend)) AS sgb2_rate,
             n.need, n.u_age
        FROM need n CROSS JOIN generate_series(${firstYear}::int, ${lastYear}::int) AS y`;
    const values = await tx.$executeRaw`
      INSERT INTO indicator_value (indicator_id, area_id, year, value, status, derived)
      SELECT i.id, b.area_id, b.year, v.value, 'REGULAR', false
        FROM synth_base b
        CROSS JOIN LATERAL (VALUES
          ('population', b.population),
          ('sgb2_rate', round(b.sgb2_rate::numeric, 1)::float8),
          ('sgb2_recipients', round(b.population * 0.82 * b.sgb2_rate / 100)),
          ('sgb2_households', round(b.population * 0.82 * b.sgb2_rate / 100 / 1.8)),
          ('sgb2_single_parent_households', round(b.population * 0.82 * b.sgb2_rate / 100 / 1.8 * 0.16)),
          ('sgb2_child_share', round(least(70, b.sgb2_rate * 1.45)::numeric, 1)::float8),
          ('unemployed', round(b.population * 0.64 * (1.5 + 14 * b.need) / 100)),
          ('unemployment_rate', round((1.5 + 14 * b.need)::numeric, 1)::float8),
          ('mean_age', round((37 + 12 * b.u_age)::numeric, 1)::float8),
          ('youth_ratio', round((28 - 12 * b.u_age)::numeric, 1)::float8),
          ('old_age_ratio', round((18 + 40 * b.u_age)::numeric, 1)::float8)
        ) AS v(key, value)
        JOIN indicator i ON i.key = v.key`;
    const derived = await deriveAggregates(tx, { indicatorIds: [...indicators.ids.values()] });

    // Providers, services, locations (a point inside the service's cell), links and funding.
    const providers = Math.max(5, Math.round(m / 25));
    await tx.$executeRaw`
      INSERT INTO provider (name, normalized_name, kind, umbrella, source_id)
      SELECT 'Synthetischer Träger ' || lpad(p::text, 5, '0') || ' (Demo)', 'synthetischer trager ' || lpad(p::text, 5, '0') || ' demo',
             (CASE WHEN p % 10 = 0 THEN 'MUNICIPAL' WHEN p % 10 = 1 THEN 'COMMERCIAL' ELSE 'NON_PROFIT' END)::provider_kind,
             (CASE p % 7 WHEN 0 THEN 'AWO' WHEN 1 THEN 'CARITAS' WHEN 2 THEN 'DIAKONIE' WHEN 3 THEN 'DRK' WHEN 4 THEN 'PARITAETISCHER' ELSE NULL END)::umbrella_association,
             ${src}::int
        FROM generate_series(1, ${providers}::int) AS p`;
    const categoryKeys = CATEGORIES.map((c) => c.key);
    let svc = 0;
    let fundings = 0;
    if (m > 0) {
      await tx.$executeRaw`
        CREATE TEMP TABLE synth_service ON COMMIT DROP AS
        SELECT k, ('x' || substr(md5(${s} || ':cell:' || k), 1, 8))::bit(32)::bigint % ${n}::int AS cell,
               ('x' || substr(md5(${s} || ':px:' || k), 1, 8))::bit(32)::bigint / 4294967296.0 AS px,
               ('x' || substr(md5(${s} || ':py:' || k), 1, 8))::bit(32)::bigint / 4294967296.0 AS py,
               ('x' || substr(md5(${s} || ':cap:' || k), 1, 8))::bit(32)::bigint / 4294967296.0 AS u,
               (${categoryKeys}::text[])[1 + k % ${categoryKeys.length}::int] AS category,
               1 + ('x' || substr(md5(${s} || ':prov:' || k), 1, 8))::bit(32)::bigint % ${providers}::int AS provider
          FROM generate_series(1, ${m}::int) AS k`;
      await tx.$executeRaw`
        INSERT INTO location (name, city, geom, external_id, source_id)
        SELECT 'Standort ' || k, 'Synthstadt',
               ST_SetSRID(ST_MakePoint(${ORIGIN.lon}::float8 + ((cell % ${cols}::int) + 0.05 + 0.9 * px) * ${dx}::float8,
                                       ${ORIGIN.lat}::float8 + ((cell / ${cols}::int) + 0.05 + 0.9 * py) * ${dy}::float8), 4326),
               'syn-loc-' || k, ${src}::int
          FROM synth_service`;
      svc = await tx.$executeRaw`
        INSERT INTO service (name, category_id, provider_id, target_groups, legal_bases, capacity, capacity_unit, status, accessibility, external_id, source_id)
        SELECT c.name || ' ' || t.k || ' (Demo)', c.id, p.id,
               (CASE c.key WHEN 'day_care' THEN '{CHILDREN,FAMILIES}' WHEN 'youth_club' THEN '{YOUNG_PEOPLE}' WHEN 'senior_meeting' THEN '{SENIORS}'
                           WHEN 'homeless_help' THEN '{HOMELESS_PEOPLE}' WHEN 'addiction_counselling' THEN '{PEOPLE_WITH_ADDICTION}' ELSE '{FAMILIES}' END)::target_group[],
               (CASE c.key WHEN 'day_care' THEN '{SGB_VIII}' WHEN 'youth_club' THEN '{SGB_VIII}' WHEN 'outpatient_help' THEN '{SGB_IX}' ELSE '{SGB_XII}' END)::legal_basis[],
               CASE WHEN c.key IN ('counselling', 'low_threshold', 'addiction_counselling') THEN round(200 + 1800 * t.u)
                    WHEN c.key = 'outpatient_help' THEN round(10 + 100 * t.u) ELSE round(10 + 90 * t.u) END,
               (CASE WHEN c.key IN ('counselling', 'low_threshold', 'addiction_counselling') THEN 'CONTACTS_PER_YEAR'
                     WHEN c.key = 'outpatient_help' THEN 'HOURS_PER_WEEK' ELSE 'PLACES' END)::capacity_unit,
               'ACTIVE', (ARRAY['FULL', 'PARTIAL', 'NONE', 'UNKNOWN'])[1 + t.k % 4]::accessibility, 'syn-svc-' || t.k, ${src}::int
          FROM synth_service t
          JOIN service_category c ON c.key = t.category
          JOIN provider p ON p.normalized_name = 'synthetischer trager ' || lpad(t.provider::text, 5, '0') || ' demo'`;
      await tx.$executeRaw`
        INSERT INTO service_location (service_id, location_id)
        SELECT s.id, l.id FROM synth_service t
          JOIN service s ON s.source_id = ${src}::int AND s.external_id = 'syn-svc-' || t.k
          JOIN location l ON l.source_id = ${src}::int AND l.external_id = 'syn-loc-' || t.k`;
      // Every fifth service gets the same nominal amount every year; the others grow 1–4 % a year.
      fundings = await tx.$executeRaw`
        INSERT INTO funding (service_id, funder, year, amount, kind, status, source_id)
        SELECT s.id, CASE WHEN t.category IN ('day_care', 'youth_club') THEN 'Jugendamt' ELSE 'Sozialamt' END, y,
               round((20000 + 180000 * t.u) * CASE WHEN t.k % 5 = 0 THEN 1 ELSE power(1.01 + 0.03 * t.px, y - ${firstYear}::int) END / 100) * 100,
               (CASE WHEN t.category = 'outpatient_help' THEN 'SERVICE_FEE' ELSE 'GRANT' END)::funding_kind,
               (CASE WHEN y = ${lastYear}::int THEN 'GRANTED' ELSE 'PAID' END)::funding_status, ${src}::int
          FROM synth_service t
          JOIN service s ON s.source_id = ${src}::int AND s.external_id = 'syn-svc-' || t.k
          CROSS JOIN generate_series(${firstYear}::int, ${lastYear}::int) AS y`;
    }
    await upsertNorms(tx, src, report);
    report.rowsRead = 0;
    report.written = values + derived.written + svc + fundings + n + boroughIdx.length + 1;
    report.details.counts = { areas: n, boroughs: boroughIdx.length, city: 1, values, derivedValues: derived.written, providers, services: svc, fundings };
  });
  // the consumer price index, so funding can be shown in real terms
  const pi = await importPriceIndex(prisma);
  report.details.priceIndex = `${pi.written} rows written`;
  report.details.seconds = (Date.now() - started) / 1000;
  await prisma.$executeRaw`ANALYZE`; // fresh planner statistics after the bulk load (see refreshStatistics)
  return report;
}
