import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { GeoJSONScalar, type GeoJsonGeometry } from '../../scalars/geojson';
import { Connection, paginate, toConnection } from '../common/connection';
import { AreasArgs, GeometryArgs, type AreaFilter } from './area.args';
import { resolveCity } from '../cities/city.sql';
import { countAreas, findAreas } from './area.sql';
import { Area } from './area.type';
import { Source } from '../indicators/indicator.type';

const { ConnectionType: AreaConnection } = Connection(Area, 'Area', 'A page of areas, ordered by id.');

const MAX_TOLERANCE_M = 5000;

/** The arguments of `Area.geometry`, checked: tolerance in metres and decimal places. */
export function geometryOptions(simplify: number | undefined, precision: number | undefined): { tolerance: number; digits: number } {
  const tolerance = simplify ?? 0;
  if (!(tolerance >= 0 && tolerance <= MAX_TOLERANCE_M)) {
    throw new BadUserInputError(`simplify must be between 0 and ${MAX_TOLERANCE_M} metres`, 'simplify');
  }
  const digits = precision ?? 6;
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new BadUserInputError('precision must be 0–15', 'precision');
  return { tolerance, digits };
}

function validateFilter(filter: AreaFilter | undefined) {
  const point = filter?.containsPoint;
  if (point && (Math.abs(point.lon) > 180 || Math.abs(point.lat) > 90)) {
    throw new BadUserInputError('containsPoint must be longitude −180…180 and latitude −90…90', 'filter.containsPoint');
  }
  const box = filter?.bbox;
  if (box && (box.minLon > box.maxLon || box.minLat > box.maxLat)) {
    throw new BadUserInputError('bbox must have minLon ≤ maxLon and minLat ≤ maxLat', 'filter.bbox');
  }
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: 'One area by id or by official key (exactly one of both).' })
  async area(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { nullable: true, description: 'Internal id.' }) id?: number,
    @Arg('code', () => String, { nullable: true, description: 'Official key, e.g. "62" (Grünau-Mitte).' }) code?: string,
    @Arg('city', () => String, { nullable: true, description: 'The city of `code`, by key or AGS (codes are unique per city); absent: the default city (Leipzig).' }) city?: string,
  ): Promise<Area | null> {
    if ((id === undefined || id === null) === (code === undefined || code === null)) {
      throw new BadUserInputError('Give exactly one of id or code', id === undefined ? 'code' : 'id');
    }
    if (id !== undefined && id !== null) return ctx.loaders.areaById.load(id);
    const [area] = await findAreas(ctx.prisma, { codes: [code as string], scope: city ? await resolveCity(ctx.prisma, city) : undefined }, 1);
    return area ?? null;
  }

  @Query(() => AreaConnection, { description: 'Areas matching all given filters, as a paged connection ordered by id.' })
  async areas(@Ctx() ctx: Context, @Args() args: AreasArgs) {
    validateFilter(args.filter);
    // children of a given area are of that area's city: the default city applies only without one
    // (and is applied in SQL: no extra statement for queries without a city)
    const f = args.filter;
    const scope = f?.city ? await resolveCity(ctx.prisma, f.city, 'filter.city') : f?.parentId != null ? null : undefined;
    const filter = { ...f, scope };
    const page = await paginate(
      args,
      (take, afterId) => findAreas(ctx.prisma, filter, take, afterId),
      () => countAreas(ctx.prisma, filter),
    );
    for (const area of page.nodes) ctx.loaders.areaById.prime(area.id, area);
    return toConnection(page);
  }

  @FieldResolver(() => Source, {
    nullable: true,
    description: 'Source, licence and attribution of the boundary (Quelle der Gebietsgrenze); a city’s own area names where its areas come from, e.g. Stadt Chemnitz.',
  })
  source(@Root() area: Area, @Ctx() ctx: Context) {
    return area.sourceId === null ? null : ctx.loaders.sourceById.load(area.sourceId);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The enclosing area one level up (übergeordnetes Gebiet).' })
  parent(@Root() area: Area, @Ctx() ctx: Context) {
    return area.parentId === null ? null : ctx.loaders.areaById.load(area.parentId);
  }

  @FieldResolver(() => [Area], { description: 'Areas one level down, ordered by key (untergeordnete Gebiete).' })
  children(@Root() area: Area, @Ctx() ctx: Context) {
    return ctx.loaders.childrenByParentId.load(area.id);
  }

  @FieldResolver(() => [Area], { description: 'Areas of the same level sharing a border or corner (Nachbargebiete).' })
  neighbours(@Root() area: Area, @Ctx() ctx: Context) {
    return ctx.loaders.neighboursById.load(area.id);
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'Boundary as a GeoJSON MultiPolygon (Gebietsgrenze); only computed when requested.',
  })
  geometry(@Root() area: Area, @Ctx() ctx: Context, @Args() { simplify, precision }: GeometryArgs): Promise<GeoJsonGeometry | null> {
    const { tolerance, digits } = geometryOptions(simplify, precision);
    return ctx.loaders.geometry(tolerance, digits).load(area.id);
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'A point inside the area (ST_PointOnSurface), for labels and as demand point.',
  })
  labelPoint(
    @Root() area: Area,
    @Ctx() ctx: Context,
    @Arg('precision', () => Int, { defaultValue: 6, description: 'Decimal places (0–15).' }) precision: number,
  ): Promise<GeoJsonGeometry | null> {
    if (!Number.isInteger(precision) || precision < 0 || precision > 15) throw new BadUserInputError('precision must be 0–15', 'precision');
    return ctx.loaders.labelPoint(precision).load(area.id);
  }
}
