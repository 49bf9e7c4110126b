import { Prisma, TransitMode } from '@sozialatlas/db';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { Area } from '../areas/area.type';
import { resolveCity } from '../cities/city.sql';
import { placeInCity } from './places.ogc';
import { Source } from '../indicators/indicator.type';
import { PlaceFilter, SocialBuilding, TransitStop } from './places.type';

// The layers are small (Leipzig: 1,796 stops, 356 buildings): one list, no paging argument (a
// `first` would multiply the query cost); a cap guards against a much larger import.
const MAX_PLACES = 10_000;

/** The filter with its city resolved (absent: the default city, in SQL alone). */
async function scopedPlaceFilter(ctx: Context, filter: PlaceFilter | undefined): Promise<PlaceFilter> {
  return { ...filter, scope: filter?.city ? await resolveCity(ctx.prisma, filter.city, 'filter.city') : undefined };
}

function where(filter: PlaceFilter, alias: Prisma.Sql): Prisma.Sql {
  const conditions: Prisma.Sql[] = [placeInCity(alias, filter.scope)];
  if (filter?.bbox) {
    const b = filter.bbox;
    if (b.length !== 4 || !(b[0]! <= b[2]! && b[1]! <= b[3]!)) throw new BadUserInputError('bbox must be [minLon, minLat, maxLon, maxLat]', 'filter.bbox');
    conditions.push(Prisma.sql`${alias}.geom && ST_MakeEnvelope(${b[0]}::float8, ${b[1]}::float8, ${b[2]}::float8, ${b[3]}::float8, 4326)`);
  }
  if (filter?.areaId != null) {
    conditions.push(Prisma.sql`ST_Covers((SELECT a.geom FROM area a WHERE a.id = ${filter.areaId}::int), ${alias}.geom)`);
  }
  return Prisma.join(conditions, ' AND ');
}


@Resolver()
export class PlacesResolver {
  @Query(() => [TransitStop], { description: 'Public transport stops (Haltestellen) as an orientation layer, ordered by id, at most 10,000; each names its `source` (OSM data, © OpenStreetMap contributors, ODbL 1.0).' })
  async transitStops(
    @Ctx() ctx: Context,
    @Arg('modes', () => [TransitMode], { nullable: true, description: 'Only these modes (default: all).' }) modes?: TransitMode[] | null,
    @Arg('filter', () => PlaceFilter, { nullable: true, description: 'Only places in this area or bounding box.' }) filter?: PlaceFilter,
  ): Promise<TransitStop[]> {
    const modeCondition = modes?.length ? Prisma.sql`t.mode::text = ANY(${modes}::text[])` : Prisma.sql`TRUE`;
    const scoped = await scopedPlaceFilter(ctx, filter);
    return ctx.prisma.$queryRaw<TransitStop[]>`
      SELECT t.id, t.name, t.mode::text AS mode, ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, t.external_id AS "osmId", t.area_id AS "areaId", t.source_id AS "sourceId"
        FROM transit_stop t WHERE ${modeCondition} AND ${where(scoped, Prisma.sql`t`)} ORDER BY t.id LIMIT ${MAX_PLACES}::int`;
  }

  @Query(() => [SocialBuilding], {
    description: 'Social places, an orientation layer (not services), ordered by id, at most 10,000: OSM buildings tagged as social places (© OpenStreetMap contributors, ODbL 1.0) and a city’s own layers such as Chemnitz’s schools (amenity school); each names its `source`.',
  })
  async socialBuildings(
    @Ctx() ctx: Context,
    @Arg('amenities', () => [String], { nullable: true, description: 'Only these OSM amenity values, e.g. ["social_facility", "community_centre"].' }) amenities?: string[] | null,
    @Arg('filter', () => PlaceFilter, { nullable: true, description: 'Only places in this area or bounding box.' }) filter?: PlaceFilter,
  ): Promise<SocialBuilding[]> {
    const amenityCondition = amenities?.length ? Prisma.sql`b.amenity = ANY(${amenities}::text[])` : Prisma.sql`TRUE`;
    const scoped = await scopedPlaceFilter(ctx, filter);
    return ctx.prisma.$queryRaw<SocialBuilding[]>`
      SELECT b.id, b.name, b.amenity, b.operator, b.street, b.house_number AS "houseNumber", b.postal_code AS "postalCode",
             ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat, b.external_id AS "osmId", b.area_id AS "areaId", b.source_id AS "sourceId"
        FROM social_building b WHERE ${amenityCondition} AND ${where(scoped, Prisma.sql`b`)} ORDER BY b.id LIMIT ${MAX_PLACES}::int`;
  }
}

@Resolver(() => TransitStop)
export class TransitStopResolver {
  @FieldResolver(() => Area, { nullable: true })
  area(@Root() stop: TransitStop, @Ctx() ctx: Context) {
    return stop.areaId === null ? null : ctx.loaders.areaById.load(stop.areaId);
  }

  @FieldResolver(() => Source, { description: 'Source, licence and attribution of the layer the stop comes from (Quelle), e.g. OpenStreetMap (ODbL 1.0).' })
  source(@Root() stop: TransitStop, @Ctx() ctx: Context) {
    return ctx.loaders.sourceById.load(stop.sourceId);
  }
}

@Resolver(() => SocialBuilding)
export class SocialBuildingResolver {
  @FieldResolver(() => Area, { nullable: true })
  area(@Root() b: SocialBuilding, @Ctx() ctx: Context) {
    return b.areaId === null ? null : ctx.loaders.areaById.load(b.areaId);
  }

  @FieldResolver(() => Source, { description: 'Source, licence and attribution of the layer the place comes from (Quelle): OpenStreetMap (ODbL 1.0), or the city’s own data, e.g. Chemnitz’s schools (dl-de/by-2.0).' })
  source(@Root() b: SocialBuilding, @Ctx() ctx: Context) {
    return ctx.loaders.sourceById.load(b.sourceId);
  }
}
