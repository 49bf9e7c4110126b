import { OSM_ATTRIBUTION, parseAddress, Prisma, type KnownAddress } from '@sozialatlas/db';
import { addressGeocoder, noAddressTable } from './address-geocoder';
import { CITY_ARGUMENT, inCity, resolveCity, type CityScope } from '../cities/city.sql';
import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { Area } from '../areas/area.type';
import { GeocodeResult, ReverseGeocodeResult, type GeocodedAddress } from './geocoding.type';

const MAX_ADDRESS = 300;
const MAX_REVERSE_M = 1000;

/**
 * The scope asked for, and whether the address table covers it: the table holds one city's
 * addresses (Leipzig's), so another city's address is never looked up in it (a Chemnitz
 * "Hauptstraße 5" would be placed in Leipzig).
 */
export async function addressScope(ctx: Context, city: string | null | undefined): Promise<{ scope: CityScope; covered: boolean }> {
  const scope = await resolveCity(ctx.prisma, city);
  return { scope, covered: !scope || (await addressTableCovers(ctx, scope.id)) };
}

/** Whether the address table covers the city `cityId` (or there is no city it covers); looked up once per request. */
export async function addressTableCovers(ctx: Context, cityId: number): Promise<boolean> {
  const table = await ctx.loaders.addressTableCityId.load('all');
  return table === null || table === cityId;
}

const address = (a: KnownAddress): GeocodedAddress => ({ street: a.street, houseNumber: a.houseNumber, postalCode: a.postalCode, lon: a.lon, lat: a.lat });

/** The finest area of the city covering a point, as the location trigger derives it. */
async function areaAt(ctx: Context, lon: number, lat: number, scope: CityScope): Promise<Area | null> {
  const [row] = await ctx.prisma.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM area a
     WHERE a.geom IS NOT NULL AND ST_Covers(a.geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))
       AND ${inCity(Prisma.sql`a.city_id`, scope)}
     ORDER BY CASE a.level WHEN 'PLANNING_AREA' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'BOROUGH' THEN 2 ELSE 3 END, a.id
     LIMIT 1`;
  return row ? ctx.loaders.areaById.load(row.id) : null;
}

@Resolver()
export class GeocodingResolver {
  @Query(() => GeocodeResult, {
    description:
      'Finds the point of a Leipzig address offline (Adresssuche): "Dieskaustraße 138, 04249 Leipzig", "Saalfelder Str. 12". Spellings with ss/ß, ae/ä, "Str."/"Straße", suffixes (12a) and ranges (12–14) are normalised; the answer says how it was found.',
  })
  async geocode(
    @Ctx() ctx: Context,
    @Arg('address', () => String, { description: 'Street and house number, optionally postcode and city.' }) text: string,
    @Arg('postalCode', () => String, { nullable: true, description: 'Postcode, when not part of `address`; tells places of one street name apart.' }) postalCode?: string | null,
    @Arg('city', () => String, { nullable: true, description: `${CITY_ARGUMENT} A city without an address table answers NOT_FOUND with the reason (Chemnitz).` }) city?: string | null,
  ): Promise<GeocodeResult> {
    if (text.length > MAX_ADDRESS) throw new BadUserInputError(`address must be at most ${MAX_ADDRESS} characters`, 'address');
    if (postalCode != null && !/^\d{5}$/.test(postalCode)) throw new BadUserInputError('postalCode must be five digits', 'postalCode');
    const { scope, covered } = await addressScope(ctx, city);
    if (!covered) return { match: 'NOT_FOUND', lon: null, lat: null, address: null, distanceMeters: null, note: noAddressTable(scope!.city.name), attribution: OSM_ATTRIBUTION, area: null };
    const geocoder = addressGeocoder();
    const parsed = parseAddress(text);
    const r = geocoder.geocode({ ...parsed, postalCode: postalCode ?? parsed.postalCode });
    return {
      match: r.kind,
      lon: r.lon,
      lat: r.lat,
      address: r.match ? address(r.match) : null,
      distanceMeters: r.distanceMeters,
      note: r.note,
      attribution: OSM_ATTRIBUTION,
      area: r.lon !== null && r.lat !== null ? await areaAt(ctx, r.lon, r.lat, scope) : null,
    };
  }

  @Query(() => ReverseGeocodeResult, {
    nullable: true,
    description: 'The nearest known Leipzig address to a point, e.g. after a location was moved on the map (umgekehrte Adresssuche); null when none lies within `maxDistance`.',
  })
  async reverseGeocode(
    @Ctx() ctx: Context,
    @Arg('lon', () => Float, { description: 'Longitude, WGS 84.' }) lon: number,
    @Arg('lat', () => Float, { description: 'Latitude, WGS 84.' }) lat: number,
    @Arg('maxDistance', () => Float, { defaultValue: 250, description: `Search radius in metres (1–${MAX_REVERSE_M}).` }) maxDistance: number,
    @Arg('city', () => String, { nullable: true, description: `${CITY_ARGUMENT} A city without an address table answers null.` }) city?: string | null,
  ): Promise<ReverseGeocodeResult | null> {
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new BadUserInputError('lon must be −180…180 and lat −90…90', 'lon');
    if (!(maxDistance >= 1 && maxDistance <= MAX_REVERSE_M)) throw new BadUserInputError(`maxDistance must be 1–${MAX_REVERSE_M} metres`, 'maxDistance');
    const { scope, covered } = await addressScope(ctx, city);
    if (!covered) return null;
    const r = addressGeocoder().reverse(lon, lat, maxDistance);
    if (!r) return null;
    return { address: address(r.address), distanceMeters: r.distanceMeters, attribution: OSM_ATTRIBUTION, area: await areaAt(ctx, lon, lat, scope) };
  }
}
