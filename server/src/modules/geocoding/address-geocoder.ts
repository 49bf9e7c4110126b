import path from 'node:path';
import { geocoderFor, type Geocoder } from '@sozialatlas/db';

// The address table ships with the Leipzig data (seed/data/leipzig/osm, OSM under the ODbL); the
// server reads the file, the geocoder is domain code (@sozialatlas/db), not the seed package's.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const LEIPZIG_ADDRESSES = path.join(repoRoot, 'seed', 'data', 'leipzig', 'osm', 'leipzig_osm_building_addresses.csv');

/** The geocoder of the city's address table (ADDRESS_TABLE_FILE, default Leipzig's), built once. */
export function addressGeocoder(): Geocoder {
  return geocoderFor(path.resolve(process.env.ADDRESS_TABLE_FILE || LEIPZIG_ADDRESSES));
}
