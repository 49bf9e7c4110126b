// Orientation layers (issue 11, item 4): public transport stops (Overpass JSON, bus/tram/train)
// and OSM buildings tagged as social places (GeoJSON centroids), both ODbL. Read-only context for
// the map and for accessibility figures; they are not services. One transaction per file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient, TransitMode } from '@sozialatlas/db';
import { inTransaction, type Tx } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';

export const STOP_FILES: [TransitMode, string][] = [
  ['TRAM', 'leipzigmaps_leipzig-tram-stops.overpass.json'],
  ['BUS', 'leipzigmaps_leipzig-bus-stops.overpass.json'],
  ['TRAIN', 'leipzigmaps_leipzig-train-stops.overpass.json'],
];
export const SOCIAL_BUILDINGS_FILE = 'leipzig_osm_social_buildings.geojson';

interface OverpassElement {
  type: string;
  id: number;
  lat?: number;
  lon?: number;
  tags?: Record<string, string>;
}

const inBox = (lon: number, lat: number) => lon > 11.9 && lon < 12.8 && lat > 51.1 && lat < 51.6;

async function importStops(prisma: PrismaClient, mode: TransitMode, file: string): Promise<ImportReport> {
  const report = newReport(path.basename(file));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { elements?: OverpassElement[] };
  if (!Array.isArray(data.elements)) throw new Error(`${file}: expected Overpass JSON with "elements"`);
  const rows: { ext: string; name: string | null; lon: number; lat: number }[] = [];
  const seen = new Set<string>();
  for (const e of data.elements) {
    report.rowsRead++;
    const row = `${e.type}/${e.id}`;
    if (typeof e.lon !== 'number' || typeof e.lat !== 'number') report.skipped.push({ row, reason: 'no coordinates (not a node)' });
    else if (!inBox(e.lon, e.lat)) report.skipped.push({ row, reason: `point (${e.lon}, ${e.lat}) far outside Leipzig` });
    else if (seen.has(row)) report.skipped.push({ row, reason: 'duplicate element' });
    else {
      seen.add(row);
      rows.push({ ext: row, name: e.tags?.name ?? null, lon: e.lon, lat: e.lat });
    }
  }
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.transitStops);
    report.written += source.written;
    const n = await tx.$executeRaw`
      INSERT INTO transit_stop (name, mode, geom, external_id, source_id)
      SELECT t.name, ${mode}::transit_mode, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.ext, ${source.id}::int
        FROM unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.lon)}::float8[], ${rows.map((r) => r.lat)}::float8[],
                    ${rows.map((r) => r.ext)}::text[]) AS t(name, lon, lat, ext)
      ON CONFLICT (source_id, mode, external_id) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom
      WHERE (transit_stop.name, ST_AsEWKB(transit_stop.geom)) IS DISTINCT FROM (EXCLUDED.name, ST_AsEWKB(EXCLUDED.geom))`;
    report.written += n;
    report.unchanged += rows.length - n;
    report.details.stops = rows.length;
    return report;
  });
}

interface BuildingFeature {
  properties: { osm_way_id: string | null; amenity: string | null; name: string | null; operator: string | null; street: string | null; housenumber: string | null; postcode: string | null };
  geometry: { type: string; coordinates: [number, number] } | null;
}

export interface SocialBuildingRow {
  ext: string; name: string | null; amenity: string; operator: string | null; street: string | null; no: string | null; zip: string | null; lon: number; lat: number;
}

/**
 * Inserts or updates social places of one source (its own layer: OSM buildings, a city's schools);
 * their area is derived from the point by the database. Returns the rows written.
 */
export async function upsertSocialBuildings(tx: Tx, sourceId: number, rows: SocialBuildingRow[]): Promise<number> {
  const R = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  return tx.$executeRaw`
    INSERT INTO social_building (name, amenity, operator, street, house_number, postal_code, geom, external_id, source_id)
    SELECT t.name, t.amenity, t.operator, t.street, t.no, t.zip, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.ext, ${sourceId}::int
      FROM unnest(${R((r) => r.name)}::text[], ${R((r) => r.amenity)}::text[], ${R((r) => r.operator)}::text[], ${R((r) => r.street)}::text[],
                  ${R((r) => r.no)}::text[], ${R((r) => r.zip)}::text[], ${R((r) => r.lon)}::float8[], ${R((r) => r.lat)}::float8[],
                  ${R((r) => r.ext)}::text[]) AS t(name, amenity, operator, street, no, zip, lon, lat, ext)
    ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, amenity = EXCLUDED.amenity, operator = EXCLUDED.operator,
      street = EXCLUDED.street, house_number = EXCLUDED.house_number, postal_code = EXCLUDED.postal_code, geom = EXCLUDED.geom
    WHERE (social_building.name, social_building.amenity, social_building.operator, social_building.street, social_building.house_number,
           social_building.postal_code, ST_AsEWKB(social_building.geom))
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.amenity, EXCLUDED.operator, EXCLUDED.street, EXCLUDED.house_number, EXCLUDED.postal_code, ST_AsEWKB(EXCLUDED.geom))`;
}

async function importSocialBuildings(prisma: PrismaClient, file: string): Promise<ImportReport> {
  const report = newReport(path.basename(file));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { features?: BuildingFeature[] };
  if (!Array.isArray(data.features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection`);
  const rows: SocialBuildingRow[] = [];
  const seen = new Set<string>();
  const amenities: Record<string, number> = {};
  for (const [i, f] of data.features.entries()) {
    report.rowsRead++;
    const p = f.properties;
    const row = `#${i} way ${p?.osm_way_id ?? '?'}`;
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    if (!p?.osm_way_id || !p.amenity) report.skipped.push({ row, reason: 'no OSM id or amenity' });
    else if (!c || !inBox(c[0], c[1])) report.skipped.push({ row, reason: 'no point in Leipzig' });
    else if (seen.has(p.osm_way_id)) report.skipped.push({ row, reason: 'duplicate OSM way' });
    else {
      seen.add(p.osm_way_id);
      amenities[p.amenity] = (amenities[p.amenity] ?? 0) + 1;
      rows.push({ ext: p.osm_way_id, name: p.name, amenity: p.amenity, operator: p.operator, street: p.street, no: p.housenumber, zip: p.postcode, lon: c[0], lat: c[1] });
    }
  }
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.socialBuildings);
    report.written += source.written;
    const n = await upsertSocialBuildings(tx, source.id, rows);
    report.written += n;
    report.unchanged += rows.length - n;
    report.details.amenities = amenities;
    return report;
  });
}

/** Imports the three stop files and the social buildings. */
export async function importPlaces(prisma: PrismaClient, options: { dir?: string } = {}): Promise<ImportReport[]> {
  const dir = options.dir ?? path.join(leipzigDataDir(), 'osm');
  const reports: ImportReport[] = [];
  for (const [mode, file] of STOP_FILES) reports.push(await importStops(prisma, mode, path.join(dir, file)));
  reports.push(await importSocialBuildings(prisma, path.join(dir, SOCIAL_BUILDINGS_FILE)));
  return reports;
}
