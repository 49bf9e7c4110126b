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
  const [header, ...records] = parse(readFileSync(file, 'utf8'), { skip_empty_lines: true }) as string[][];
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [street, no, zip, lonI, latI] = ['street', 'housenumber', 'postcode', 'lon', 'lat'].map(col) as [number, number, number, number, number];
  const rows: AddressRow[] = [];
  for (const r of records) {
    const lon = Number(r[lonI]);
    const lat = Number(r[latI]);
    if (!r[street] || !r[no] || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    rows.push({ street: r[street]!, houseNumber: r[no]!, postalCode: r[zip] || null, lon, lat });
  }
  return rows;
}

let cached: Geocoder | null = null;

/** The Leipzig geocoder, built once per process (the table is about 85,000 rows). */
export function leipzigGeocoder(): Geocoder {
  cached ??= new Geocoder(readAddressTable());
  return cached;
}
