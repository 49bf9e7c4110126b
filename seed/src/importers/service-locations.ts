// One location per service of a source (both keyed by the service's external id), linked to it:
// the shared last step of the importers that read one address and point per service row.
import type { Tx } from '../db';

export interface ServiceLocationRow {
  name: string;
  street: string | null;
  no: string | null;
  zip: string | null;
  town: string | null;
  lon: number | null;
  lat: number | null;
  /** External id of the service this location belongs to. */
  ext: string;
}

/** Upserts the locations and their service links; returns the rows written (locations + links). */
export async function upsertServiceLocations(tx: Tx, sourceId: number, rows: ServiceLocationRow[]): Promise<number> {
  const col = <T>(f: (r: ServiceLocationRow) => T) => rows.map(f);
  const locations = await tx.$executeRaw`
    INSERT INTO location (name, street, house_number, postal_code, city, geom, external_id, source_id)
    SELECT t.name, t.street, t.no, t.zip, t.town,
           CASE WHEN t.lon IS NULL OR t.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) END, t.ext, ${sourceId}::int
      FROM unnest(${col((r) => r.name)}::text[], ${col((r) => r.street)}::text[], ${col((r) => r.no)}::text[], ${col((r) => r.zip)}::text[],
                  ${col((r) => r.town)}::text[], ${col((r) => r.lon)}::float8[], ${col((r) => r.lat)}::float8[], ${col((r) => r.ext)}::text[])
           AS t(name, street, no, zip, town, lon, lat, ext)
    ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, house_number = EXCLUDED.house_number,
      postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, geom = EXCLUDED.geom, updated_at = now(), version = location.version + 1
    WHERE (location.name, location.street, location.house_number, location.postal_code, location.city, ST_AsEWKB(location.geom))
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.street, EXCLUDED.house_number, EXCLUDED.postal_code, EXCLUDED.city, ST_AsEWKB(EXCLUDED.geom))`;
  const links = await tx.$executeRaw`
    INSERT INTO service_location (service_id, location_id)
    SELECT s.id, l.id FROM service s JOIN location l ON l.source_id = s.source_id AND l.external_id = s.external_id
     WHERE s.source_id = ${sourceId}::int AND s.external_id = ANY(${col((r) => r.ext)}::text[])
    ON CONFLICT DO NOTHING`;
  return locations + links;
}
