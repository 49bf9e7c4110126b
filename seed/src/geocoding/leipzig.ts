// The Leipzig geocoder on the shipped OSM address table (seed/data/leipzig/osm, ODbL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { leipzigDataDir } from '../paths';
import { Geocoder, type AddressRow } from './geocoder';

export const LEIPZIG_ADDRESS_FILE = 'leipzig_osm_building_addresses.csv';
/** Attribution the ODbL asks for wherever geocoded points or the address table are shown. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';

/** Reads the address table (columns street, housenumber, postcode, lon, lat). */
export function readAddressTable(file = path.join(leipzigDataDir(), 'osm', LEIPZIG_ADDRESS_FILE)): AddressRow[] {
  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: AddressRow[] = [];
  for (const r of records) {
    const lon = Number(r.lon);
    const lat = Number(r.lat);
    if (!r.street || !r.housenumber || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    rows.push({ street: r.street, houseNumber: r.housenumber, postalCode: r.postcode || null, lon, lat });
  }
  return rows;
}

let cached: Geocoder | null = null;

/** The Leipzig geocoder, built once per process (the table is about 85,000 rows). */
export function leipzigGeocoder(): Geocoder {
  cached ??= new Geocoder(readAddressTable());
  return cached;
}
