import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { PrismaClient } from '@sozialatlas/db';
import type { Context } from '../../context';
import { pointFromAddress, type PointOrigin } from '../geocoding/location-point';
import { addressTableCityName } from '../geocoding/address-geocoder';
import { Location } from './service.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { checkInput, problem } from '../common/writes/validation';
import { createAudited, deleteAudited, edit, given, updateAudited } from '../common/writes/versioned';

const EDITORS = ['PLANNER'] as const;

@InputType({ description: 'Address and point of a location (Standort); the area is derived from the point.' })
export class LocationFields {
  @Field(() => String, { nullable: true, description: 'Name of the place (Bezeichnung).' })
  @IsOptional()
  @MaxLength(200, { message: 'Die Bezeichnung darf höchstens 200 Zeichen lang sein.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Street (Straße).' })
  @IsOptional()
  @MaxLength(200, { message: 'Die Straße darf höchstens 200 Zeichen lang sein.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'House number (Hausnummer).' })
  @IsOptional()
  @MaxLength(20, { message: 'Die Hausnummer darf höchstens 20 Zeichen lang sein.' })
  houseNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code, five digits (Postleitzahl).' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'Die Postleitzahl muss aus fünf Ziffern bestehen.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'City (Ort).' })
  @IsOptional()
  @MaxLength(100, { message: 'Der Ort darf höchstens 100 Zeichen lang sein.' })
  city?: string | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in WGS 84 (Längengrad), as picked on the map.' })
  @IsOptional()
  @Min(-180, { message: 'Der Längengrad muss zwischen −180 und 180 liegen.' })
  @Max(180, { message: 'Der Längengrad muss zwischen −180 und 180 liegen.' })
  lon?: number | null;

  @Field(() => Float, { nullable: true, description: 'Latitude in WGS 84 (Breitengrad), as picked on the map.' })
  @IsOptional()
  @Min(-90, { message: 'Der Breitengrad muss zwischen −90 und 90 liegen.' })
  @Max(90, { message: 'Der Breitengrad muss zwischen −90 und 90 liegen.' })
  lat?: number | null;

  /** set when lon/lat came from the geocoder (not part of the API) */
  pointOrigin?: PointOrigin | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the point lies outside every area of the city on purpose (e.g. a service across the city boundary). Without it such a point is refused with OUTSIDE_CITY, since it would drop out of every figure.',
  })
  @IsOptional()
  outsideCityConfirmed?: boolean | null;
}

@InputType({ description: 'Changes to a location; only the fields given are changed.' })
export class UpdateLocationInput extends LocationFields {
  @Field(() => Int, { description: 'Id of the location.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

/**
 * Both coordinates or neither; a new location needs both. Without a point but with a street, the
 * address is geocoded first (lon/lat filled in); an address that cannot be placed is the problem.
 */
export function pointProblems(input: LocationFields, field: string, required: boolean, tableCity: string | null) {
  const geocoded = pointFromAddress(input, field, tableCity);
  input.pointOrigin = geocoded.origin;
  if (geocoded.problems.length) return geocoded.problems;
  const hasLon = input.lon !== undefined && input.lon !== null;
  const hasLat = input.lat !== undefined && input.lat !== null;
  if (hasLon !== hasLat || (required && !hasLon)) {
    return [problem(`${field}.lon`, 'REQUIRED', 'Bitte den Standort auf der Karte wählen: Längen- und Breitengrad werden zusammen gebraucht.')];
  }
  return [];
}

const covered = async (db: Pick<PrismaClient, '$queryRaw'>, lon: number, lat: number) => {
  const [row] = await db.$queryRaw<{ inside: boolean; anyArea: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM area WHERE geom IS NOT NULL AND ST_Covers(geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))) AS inside,
           EXISTS (SELECT 1 FROM area WHERE geom IS NOT NULL) AS "anyArea"`;
  return row!;
};

const decimal = (n: number) => String(n).replace('.', ',');

/**
 * A point in no area of the city (Berlin instead of Leipzig, or latitude and longitude swapped)
 * would be saved without an area and drop out of every figure: refused unless confirmed, with the
 * reason and, for swapped axes, the likely fix.
 */
export async function outsideCityProblems(db: Pick<PrismaClient, '$queryRaw'>, input: LocationFields, field: string) {
  if (input.lon === undefined || input.lon === null || input.lat === undefined || input.lat === null || input.outsideCityConfirmed) return [];
  const here = await covered(db, input.lon, input.lat);
  if (here.inside || !here.anyArea) return [];
  const swapped = Math.abs(input.lat) <= 180 && Math.abs(input.lon) <= 90 && (await covered(db, input.lat, input.lon)).inside;
  const where = `Der Punkt (Längengrad ${decimal(input.lon)}, Breitengrad ${decimal(input.lat)}) liegt in keinem Gebiet der Stadt und fiele aus allen Kennzahlen heraus.`;
  const hint = swapped
    ? ' Längen- und Breitengrad sind vermutlich vertauscht.'
    : ' Bitte den Standort auf der Karte prüfen – oder bestätigen, dass er außerhalb der Stadt liegt.';
  return [problem(`${field}.lon`, swapped ? 'AXES_SWAPPED' : 'OUTSIDE_CITY', where + hint)];
}

/**
 * The point is a PostGIS column; the trigger `location_derive_area` then sets the area. `origin`
 * records how the geocoder found it; a point from the map has none.
 */
export async function setPoint(tx: Tx, id: number, lon: number, lat: number, origin: PointOrigin | null = null): Promise<void> {
  await tx.$executeRaw`UPDATE location SET geom = ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326),
    geocode_match = ${origin?.match ?? null}::geocode_match, geocode_distance_m = ${origin?.distanceMeters ?? null}::float8,
    geocode_note = ${origin?.note ?? null} WHERE id = ${id}::int`;
}

/** The row with its point, for the audit log and the response. */
export async function locationWithPoint(tx: Tx, id: number) {
  const [row] = await tx.$queryRaw<(Location & { version: number; lon: number | null; lat: number | null })[]>`
    SELECT l.id, l.name, l.street, l.house_number AS "houseNumber", l.postal_code AS "postalCode", l.city,
           l.area_id AS "areaId", l.source_id AS "sourceId", l.geocode_match::text AS "geocodeMatch",
           l.geocode_distance_m AS "geocodeDistanceM", l.geocode_note AS "geocodeNote", l.version, ST_X(l.geom) AS lon, ST_Y(l.geom) AS lat
      FROM location l WHERE l.id = ${id}::int`;
  return row as NonNullable<typeof row>;
}

// outsideCityConfirmed is a confirmation of this request, not stored
export const addressData = (input: LocationFields) =>
  given({ name: input.name, street: input.street, houseNumber: input.houseNumber, postalCode: input.postalCode, city: input.city });

export async function createLocation(ctx: Context, tx: Tx, input: LocationFields) {
  const row = await createAudited(ctx, tx, 'location', 'location', addressData(input));
  await setPoint(tx, row.id, input.lon as number, input.lat as number, input.pointOrigin ?? null);
  return locationWithPoint(tx, row.id);
}

@Resolver()
export class LocationMutations {
  @Authorized(...EDITORS)
  @Mutation(() => Location, {
    description:
      'Creates a location from an address and a point picked on the map; without a point the address is geocoded offline (geocodeMatch says how) and an address that cannot be placed is refused at `street`; the area is derived (Standort anlegen). Role: PLANNER.',
  })
  async createLocation(@Ctx() ctx: Context, @Arg('input', () => LocationFields, { description: 'The new location.' }) input: LocationFields) {
    await checkInput(input, [...pointProblems(input, 'input', true, await addressTableCityName(ctx.prisma)), ...(await outsideCityProblems(ctx.prisma, input, 'input'))]);
    return edit(ctx, async (tx) => {
      const created = await createLocation(ctx, tx, input);
      return created;
    });
  }

  @Authorized(...EDITORS)
  @Mutation(() => Location, {
    description:
      'Changes address or point of a location (Standort ändern); a new street without a point is geocoded like in createLocation, a point from the map clears geocodeMatch. Use `reverseGeocode` to offer the address of a moved point. Role: PLANNER.',
  })
  async updateLocation(@Ctx() ctx: Context, @Arg('input', () => UpdateLocationInput, { description: 'Id, version read and the changes.' }) input: UpdateLocationInput) {
    await checkInput(input, [...pointProblems(input, 'input', false, await addressTableCityName(ctx.prisma)), ...(await outsideCityProblems(ctx.prisma, input, 'input'))]);
    return edit(ctx, async (tx) => {
      const hasPoint = input.lon !== undefined && input.lon !== null;
      await updateAudited(ctx, tx, 'location', 'location', input.id, input.version, addressData(input), {
        after: hasPoint ? () => setPoint(tx, input.id, input.lon as number, input.lat as number, input.pointOrigin ?? null) : undefined,
        snapshot: (row) => locationWithPoint(tx, row.id),
      });
      return locationWithPoint(tx, input.id);
    });
  }

  @Authorized(...EDITORS)
  @Mutation(() => RetireResult, { description: 'Deletes a location and its links to services (Standort entfernen). Role: PLANNER.' })
  async retireLocation(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    await edit(ctx, (tx) => deleteAudited(ctx, tx, 'location', 'location', id, version, (row) => locationWithPoint(tx, row.id)));
    return { entity: 'location', id, deleted: true, version: null };
  }
}
