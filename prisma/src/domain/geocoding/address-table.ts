// The address table a geocoder is built on: CSV with the columns street, housenumber, postcode, lon,
// lat (Leipzig's is OSM's building addresses, shipped in seed/data/leipzig/osm under the ODbL).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Geocoder, type AddressRow } from './geocoder';

/** Attribution the ODbL asks for wherever geocoded points or the address table are shown. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';

export function readAddressTable(file: string): AddressRow[] {
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

const built = new Map<string, Geocoder>();

/** The geocoder of an address table, built once per process and file. */
export function geocoderFor(file: string): Geocoder {
  let g = built.get(file);
  if (!g) {
    g = new Geocoder(readAddressTable(file));
    built.set(file, g);
  }
  return g;
}
