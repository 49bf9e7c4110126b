import path from 'node:path';
import { geocoderFor, type Geocoder, type PrismaClient } from '@sozialatlas/db';

// The address table ships with the Leipzig data (seed/data/leipzig/osm, OSM under the ODbL); the
// server reads the file, the geocoder is domain code (@sozialatlas/db), not the seed package's.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const LEIPZIG_ADDRESSES = path.join(repoRoot, 'seed', 'data', 'leipzig', 'osm', 'leipzig_osm_building_addresses.csv');

/** The geocoder of the city's address table (ADDRESS_TABLE_FILE, default Leipzig's), built once. */
export function addressGeocoder(): Geocoder {
  return geocoderFor(path.resolve(process.env.ADDRESS_TABLE_FILE || LEIPZIG_ADDRESSES));
}

/**
 * The city the address table covers (ADDRESS_TABLE_CITY, key or AGS; default: the default city,
 * whose table ships). Other cities have no address table: their addresses are never looked up in it.
 */
export const addressTableCity = () => process.env.ADDRESS_TABLE_CITY?.trim() || undefined;


/** The name of the city the address table covers (null: no city in the database, e.g. the synthetic one). */
export async function addressTableCityName(db: Pick<PrismaClient, '$queryRaw'>): Promise<string | null> {
  const key = addressTableCity() ?? null;
  const [row] = await db.$queryRaw<{ name: string }[]>`
    SELECT a.name FROM city c JOIN area a ON a.id = c.area_id
     WHERE CASE WHEN ${key}::text IS NULL THEN c.is_default ELSE c.key = lower(${key}::text) OR a.code = ${key}::text END`;
  return row?.name ?? null;
}

/** What is said where an address of a city without an address table is to be placed. */
export const noAddressTable = (name: string) =>
  `Für ${name} liegt kein Adressverzeichnis vor; Adressen lassen sich dort nicht verorten. Bitte den Standort auf der Karte wählen.`;
