import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import { groupBy } from '../common/group';
import { addressTableCity } from '../geocoding/address-geocoder';
import { resolveCity } from './city.sql';

export interface CityLevelRow {
  cityId: number;
  level: string;
  count: number;
}

/** Areas per level below the city, of the cities asked for, in one statement; levels in hierarchy order. */
async function levelCounts(prisma: PrismaClient, cityIds: readonly number[]) {
  return prisma.$queryRaw<CityLevelRow[]>`
    SELECT a.city_id AS "cityId", a.level::text AS level, count(*)::int AS count
      FROM area a WHERE a.city_id = ANY(${[...cityIds]}::int[]) AND a.level <> 'CITY'
     GROUP BY a.city_id, a.level ORDER BY a.level`;
}

export interface PlaceLayerRow {
  cityId: number;
  collection: string;
  amenities: string[];
  count: number;
  sourceId: number;
}

/** The orientation layers per city and source, in one statement: a place's city is its area's. */
async function placeLayers(prisma: PrismaClient, cityIds: readonly number[]) {
  return prisma.$queryRaw<PlaceLayerRow[]>`
    SELECT a.city_id AS "cityId", p.collection, p.source_id AS "sourceId", count(*)::int AS count,
           COALESCE(array_agg(DISTINCT p.amenity ORDER BY p.amenity) FILTER (WHERE p.amenity IS NOT NULL), '{}') AS amenities
      FROM (SELECT 'transit-stops' AS collection, t.source_id, t.area_id, NULL::text AS amenity FROM transit_stop t
            UNION ALL
            SELECT 'social-buildings', b.source_id, b.area_id, b.amenity FROM social_building b) p
      JOIN area a ON a.id = p.area_id
     WHERE a.city_id = ANY(${[...cityIds]}::int[])
     GROUP BY a.city_id, p.collection, p.source_id ORDER BY p.collection DESC, p.source_id`;
}

async function citiesWithBudget(prisma: PrismaClient, cityIds: readonly number[]) {
  const rows = await prisma.$queryRaw<{ cityId: number }[]>`
    SELECT DISTINCT b.city_id AS "cityId" FROM budget_line b WHERE b.city_id = ANY(${[...cityIds]}::int[])`;
  return new Set(rows.map((r) => r.cityId));
}

export function createCityLoaders(prisma: PrismaClient) {
  return {
    levelsByCityId: new DataLoader<number, CityLevelRow[]>(async (ids) => groupBy(ids, await levelCounts(prisma, ids), (r) => r.cityId)),
    /** the levels below CITY that any city of the hub has (one statement per request) */
    hubLevels: new DataLoader<'all', string[]>(async (keys) => {
      const rows = await prisma.$queryRaw<{ level: string }[]>`
        SELECT DISTINCT a.level::text AS level, a.level AS ord FROM area a WHERE a.city_id IS NOT NULL AND a.level <> 'CITY' ORDER BY ord`;
      return keys.map(() => rows.map((r) => r.level));
    }),
    placeLayersByCityId: new DataLoader<number, PlaceLayerRow[]>(async (ids) => groupBy(ids, await placeLayers(prisma, ids), (r) => r.cityId)),
    /** the CITY area id of the city the address table covers (ADDRESS_TABLE_CITY, default the default city); null: none */
    addressTableCityId: new DataLoader<'all', number | null>(async (keys) => {
      const table = await resolveCity(prisma, addressTableCity(), 'ADDRESS_TABLE_CITY');
      return keys.map(() => table?.id ?? null);
    }),
    hasBudgetByCityId: new DataLoader<number, boolean>(async (ids) => {
      const withBudget = await citiesWithBudget(prisma, ids);
      return ids.map((id) => withBudget.has(id));
    }),
  };
}
