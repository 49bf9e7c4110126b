// Ortsteile, Stadtbezirke and the city of Leipzig from leipzig-districts.json.
//
// The file claims CRS84 (longitude, latitude) but stores [latitude, longitude]. We do not
// hard-code a swap: `detectAxisOrder` tests both readings against a plausibility region and takes
// the one under which every vertex falls inside it (see its comment). Geometries are checked with
// ST_IsValid, repaired with ST_MakeValid (polygonal part only) and reported, or rejected when the
// repair leaves nothing. Areas are upserted by their official code, so a second run writes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkGeometries, detectAxisOrder, Prisma, storedAreaGeometry, toLonLat, type AxisOrder, type PolygonFeature, type PrismaClient, type Region } from '@sozialatlas/db';
import { inTransaction, type Tx } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';
import { upsertCity, type LevelNames } from './cities';

export const CITY_CODE = '14713000';
export const CITY_NAME = 'Leipzig';
/** The URL key of the default city (`stadt=leipzig`). */
export const CITY_KEY = 'leipzig';
/** Leipzig's own names of its levels (the map's level switch, legend and print say them). */
export const LEIPZIG_LEVEL_NAMES: LevelNames = {
  CITY: { de: 'Stadt', deSingular: 'Stadt', en: 'city (Stadt)' },
  BOROUGH: { de: 'Stadtbezirke', deSingular: 'Stadtbezirk', en: 'boroughs (Stadtbezirke)' },
  DISTRICT: { de: 'Ortsteile', deSingular: 'Ortsteil', en: 'districts (Ortsteile)' },
};
/** `a.city_id` is Leipzig's: the Leipzig importers look areas up by code or name within Leipzig only (Chemnitz has a "Zentrum" and a "47" too). */
export const inLeipzig = (alias: Prisma.Sql) =>
  Prisma.sql`${alias}.city_id = (SELECT c.id FROM area c WHERE c.code = ${CITY_CODE} AND c.level = 'CITY' AND c.parent_id IS NULL)`;

/** Stadtbezirke by the first digit of the Ortsteil key. */
export const BOROUGHS: Record<string, string> = {
  '0': 'Mitte',
  '1': 'Nordost',
  '2': 'Ost',
  '3': 'Südost',
  '4': 'Süd',
  '5': 'Südwest',
  '6': 'West',
  '7': 'Alt-West',
  '8': 'Nordwest',
  '9': 'Nord',
};

interface Feature extends PolygonFeature {
  type: 'Feature';
  properties: { key?: string; title?: string } & Record<string, unknown>;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  crs?: unknown;
  features: Feature[];
}

export interface DistrictsOptions {
  /** path of the GeoJSON file; default: the shipped leipzig-districts.json */
  file?: string;
  /** override the detection */
  axisOrder?: AxisOrder;
  region?: Region;
}

export interface CheckedGeometry {
  geojson: string;
  status: 'valid' | 'repaired' | 'rejected';
  reason: string | null;
}

/** Validates the geometries in PostGIS; the stored geometry is always ST_Multi(polygonal part of ST_MakeValid). */
export async function checkAll(tx: Tx, geojsons: string[]): Promise<CheckedGeometry[]> {
  const checks = await checkGeometries(tx, geojsons.map((geojson) => ({ geojson, srid: 4326 })));
  return checks.map((c, i) => {
    const geojson = geojsons[i]!;
    if (c.valid) return { geojson, status: 'valid', reason: null };
    if (!c.repairable) return { geojson, status: 'rejected', reason: `invalid geometry (${c.reason}); ST_MakeValid leaves no valid polygon` };
    return { geojson, status: 'repaired', reason: `invalid geometry (${c.reason}) repaired with ST_MakeValid (polygonal part kept)` };
  });
}

/** Upserts one area; the geometry expression turns a GeoJSON text (or an array of them, unioned) into a valid MultiPolygon. */
export async function upsertArea(
  tx: Tx,
  a: { level: 'CITY' | 'BOROUGH' | 'DISTRICT'; code: string; name: string; parentId: number | null; geojsons: string[]; sourceId: number },
): Promise<number> {
  // A city is its own city (city_id = its id): ON CONFLICT cannot find an existing one by
  // (city_id, code) before the insert has an id, so the root is looked up by its code first.
  if (a.level === 'CITY' && a.parentId === null) {
    const [root] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = ${a.code} AND level = 'CITY' AND parent_id IS NULL`;
    if (root) {
      return tx.$executeRaw`
        UPDATE area SET name = ${a.name}, geom = g.geom, source_id = ${a.sourceId}::int, updated_at = now(), version = area.version + 1
          FROM (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(${storedAreaGeometry(Prisma.sql`t`)})), 3)) AS geom
                  FROM unnest(${a.geojsons}::text[]) AS t) g
         WHERE area.id = ${root.id}::int
           AND (area.name, area.source_id, ST_AsEWKB(area.geom)) IS DISTINCT FROM (${a.name}, ${a.sourceId}::int, ST_AsEWKB(g.geom))`;
    }
  }
  return tx.$executeRaw`
    INSERT INTO area (level, code, name, parent_id, geom, source_id)
    SELECT ${a.level}::area_level, ${a.code}, ${a.name}, ${a.parentId}::int,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(${storedAreaGeometry(Prisma.sql`t`)})), 3)),
           ${a.sourceId}::int
      FROM unnest(${a.geojsons}::text[]) AS t
    ON CONFLICT (city_id, code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
      geom = EXCLUDED.geom, source_id = EXCLUDED.source_id, updated_at = now(), version = area.version + 1
    WHERE (area.level, area.name, area.parent_id, area.source_id, ST_AsEWKB(area.geom))
      IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.name, EXCLUDED.parent_id, EXCLUDED.source_id, ST_AsEWKB(EXCLUDED.geom))`;
}

/** The id of the area with this code in the city `cityId` (null: the city itself, by its AGS). */
export async function areaId(tx: Tx, code: string, cityId: number | null): Promise<number> {
  const rows = cityId === null
    ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = ${code} AND level = 'CITY' AND parent_id IS NULL`
    : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = ${code} AND city_id = ${cityId}::int`;
  if (!rows[0]) throw new Error(`area ${code} missing after upsert`);
  return rows[0].id;
}

export async function importDistricts(prisma: PrismaClient, options: DistrictsOptions = {}): Promise<ImportReport> {
  const file = options.file ?? path.join(leipzigDataDir(), 'leipzig-districts.json');
  const report = newReport(path.basename(file));
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  report.rowsRead = fc.features.length;

  const usable = fc.features.filter((f, i) => {
    const t = f.geometry?.type;
    if (t === 'Polygon' || t === 'MultiPolygon') return true;
    report.skipped.push({ row: `feature ${i} (${f.properties?.key ?? '?'})`, reason: `geometry type ${t ?? 'missing'} is not polygonal` });
    return false;
  });
  const detection = options.axisOrder
    ? { order: options.axisOrder, reason: 'given by the caller' }
    : detectAxisOrder(usable, options.region);
  report.details.axisOrder = detection.order;
  report.details.axisOrderReason = detection.reason;
  report.details.declaredCrs = JSON.stringify((fc.crs as { properties?: { name?: string } })?.properties?.name ?? null);

  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.districts);
    report.written += source.written;

    let whole: CheckedGeometry | null = null;
    const districts: { code: string; name: string; geom: CheckedGeometry }[] = [];
    const seen = new Set<string>();
    const checked = await checkAll(tx, usable.map((f) => JSON.stringify(toLonLat(f.geometry, detection.order))));
    for (const [i, f] of usable.entries()) {
      const key = String(f.properties?.key ?? '').trim();
      const title = String(f.properties?.title ?? '').trim();
      const geom = checked[i]!;
      const label = `feature ${key || '?'} ${title}`;
      if (geom.status === 'rejected') {
        report.skipped.push({ row: label, reason: geom.reason! });
        continue;
      }
      if (geom.status === 'repaired') report.repaired.push({ row: label, reason: geom.reason! });
      if (title === 'Gesamt' || key === 'XX') {
        whole = geom;
      } else if (!/^\d{2}$/.test(key) || !title) {
        report.skipped.push({ row: label, reason: 'key is not a two-digit Ortsteil number or title missing' });
      } else if (!BOROUGHS[key[0]!]) {
        report.skipped.push({ row: label, reason: `no Stadtbezirk for first digit ${key[0]}` });
      } else if (seen.has(key)) {
        report.skipped.push({ row: label, reason: 'duplicate key' });
      } else {
        seen.add(key);
        districts.push({ code: key, name: title, geom });
      }
    }
    districts.sort((a, b) => a.code.localeCompare(b.code));
    if (districts.length === 0) throw new Error(`${file}: no Ortsteile to import`);

    // city → Stadtbezirke → Ortsteile, so that every parent exists first
    const cityGeoms = whole ? [whole.geojson] : districts.map((d) => d.geom.geojson);
    if (!whole) report.warnings.push('no "Gesamt" feature: city boundary is the union of the Ortsteile');
    report.written += await upsertArea(tx, { level: 'CITY', code: CITY_CODE, name: CITY_NAME, parentId: null, geojsons: cityGeoms, sourceId: source.id });
    const cityId = await areaId(tx, CITY_CODE, null);
    const city = await upsertCity(tx, { areaId: cityId, key: CITY_KEY, isDefault: true, districtStatistics: true, levelNames: LEIPZIG_LEVEL_NAMES });
    report.written += city.written;
    report.details.residents = city.residents;
    const boroughIds = new Map<string, number>();
    for (const [digit, name] of Object.entries(BOROUGHS)) {
      const parts = districts.filter((d) => d.code[0] === digit).map((d) => d.geom.geojson);
      if (parts.length === 0) {
        report.warnings.push(`Stadtbezirk ${digit} ${name} has no Ortsteile in the file: not created`);
        continue;
      }
      report.written += await upsertArea(tx, { level: 'BOROUGH', code: digit, name, parentId: cityId, geojsons: parts, sourceId: source.id });
      boroughIds.set(digit, await areaId(tx, digit, cityId));
    }
    for (const d of districts) {
      report.written += await upsertArea(tx, {
        level: 'DISTRICT',
        code: d.code,
        name: d.name,
        parentId: boroughIds.get(d.code[0]!)!,
        geojsons: [d.geom.geojson],
        sourceId: source.id,
      });
    }
    const areas = 1 + boroughIds.size + districts.length;
    report.unchanged = areas + 1 - report.written;
    report.details.areas = { city: 1, boroughs: boroughIds.size, districts: districts.length };
    return report;
  });
}
