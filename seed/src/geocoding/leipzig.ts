// The Leipzig geocoder on the shipped OSM address table (seed/data/leipzig/osm, ODbL); the geocoder
// itself is domain code in @sozialatlas/db (prisma/src/domain/geocoding).
import path from 'node:path';
import { geocoderFor, type Geocoder } from '@sozialatlas/db';
import { leipzigDataDir } from '../paths';

export const LEIPZIG_ADDRESS_FILE = 'leipzig_osm_building_addresses.csv';

/** The Leipzig geocoder, built once per process (the table is about 85,000 rows). */
export function leipzigGeocoder(): Geocoder {
  return geocoderFor(path.join(leipzigDataDir(), 'osm', LEIPZIG_ADDRESS_FILE));
}
