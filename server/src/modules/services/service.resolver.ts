import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { GeoJSONScalar, type GeoJsonGeometry } from '../../scalars/geojson';
import { Area } from '../areas/area.type';
import { Connection, paginate, toConnection } from '../common/connection';
import { Indicator, Source } from '../indicators/indicator.type';
import { Provider } from '../providers/provider.type';
import { MAX_RADIUS_M, MIN_RADIUS_M, ServicesArgs, ServiceStatsArgs, type ServiceFilter } from './service.args';
import { resolveCity } from '../cities/city.sql';
import { allCategories, countServices, findServices } from './service.sql';
import { CategoryStat, CoverageNorm, Location, Service, ServiceCategory } from './service.type';

const { ConnectionType: ServiceConnection } = Connection(Service, 'Service', 'A page of services, ordered by id.');

function checkPoint(lon: number, lat: number, argument: string) {
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
    throw new BadUserInputError(`${argument} must be longitude −180…180 and latitude −90…90`, argument);
  }
}

export function validateServiceFilter(filter: ServiceFilter | undefined) {
  if (filter?.near) {
    const { lon, lat, radiusM } = filter.near;
    checkPoint(lon, lat, 'filter.near');
    if (!(radiusM >= MIN_RADIUS_M && radiusM <= MAX_RADIUS_M)) {
      throw new BadUserInputError(`radiusM must be between ${MIN_RADIUS_M} and ${MAX_RADIUS_M} metres`, 'filter.near.radiusM');
    }
  }
  const box = filter?.bbox;
  if (box && (box.minLon > box.maxLon || box.minLat > box.maxLat)) {
    throw new BadUserInputError('bbox must have minLon ≤ maxLon and minLat ≤ maxLat', 'filter.bbox');
  }
}

/** The filter with its city resolved: the named one, else the default city unless an area is named (its city then). */
export async function scopedServiceFilter(ctx: Context, filter: ServiceFilter | undefined): Promise<ServiceFilter> {
  const scope = filter?.city ? await resolveCity(ctx.prisma, filter.city, 'filter.city') : filter?.areaId != null ? null : undefined;
  return { ...filter, scope };
}

export function checkPrecision(precision: number) {
  if (!Number.isInteger(precision) || precision < 0 || precision > 15) throw new BadUserInputError('precision must be 0–15', 'precision');
}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => [ServiceCategory], { description: 'The managed list of service categories (Angebotsarten), ordered by key.' })
  serviceCategories(@Ctx() ctx: Context) {
    return allCategories(ctx.prisma);
  }

  @Query(() => Service, { nullable: true, description: 'One service by id; null when missing or not published.' })
  service(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Internal id.' }) id: number) {
    return ctx.loaders.serviceById.load(id);
  }

  @Query(() => ServiceConnection, { description: 'Services matching all given filters, as a paged connection ordered by id.' })
  async services(@Ctx() ctx: Context, @Args() args: ServicesArgs) {
    validateServiceFilter(args.filter);
    const filter = await scopedServiceFilter(ctx, args.filter);
    const page = await paginate(
      args,
      (take, afterId) => findServices(ctx.prisma, filter, ctx.caller, take, afterId),
      () => countServices(ctx.prisma, filter, ctx.caller),
    );
    for (const service of page.nodes) ctx.loaders.serviceById.prime(service.id, service);
    return toConnection(page);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Weekly opening hours (Öffnungszeiten): [{ "day": "MONDAY", "opens": "08:00", "closes": "16:00" }].',
  })
  openingHours(@Root() service: Service): unknown {
    return service.openingHours ?? null;
  }

  @FieldResolver(() => ServiceCategory, { description: 'Category (Angebotsart).' })
  category(@Root() service: Service, @Ctx() ctx: Context) {
    return ctx.loaders.categoryById.load(service.categoryId);
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Provider running the service (Träger); null when unknown or not published.' })
  provider(@Root() service: Service, @Ctx() ctx: Context) {
    return service.providerId === null ? null : ctx.loaders.providerById.load(service.providerId);
  }

  @FieldResolver(() => [Location], { description: 'Where the service is offered (Standorte).' })
  locations(@Root() service: Service, @Ctx() ctx: Context) {
    return ctx.loaders.locationsByServiceId.load(service.id);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source, licence and attribution (Quelle).' })
  source(@Root() service: Service, @Ctx() ctx: Context) {
    return service.sourceId === null ? null : ctx.loaders.sourceById.load(service.sourceId);
  }
}

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  @FieldResolver(() => CoverageNorm, { nullable: true, description: 'Planning norm and catchment zones (Versorgungsnorm); null when none is set.' })
  norm(@Root() category: ServiceCategory, @Ctx() ctx: Context) {
    return ctx.loaders.normByCategoryId.load(category.id);
  }
}

@Resolver(() => CoverageNorm)
export class CoverageNormResolver {
  @FieldResolver(() => Indicator, { description: 'Indicator giving the target population (Zielgruppenindikator).' })
  targetIndicator(@Root() norm: CoverageNorm, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorById.load(norm.targetIndicatorId);
  }
}

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The point as a GeoJSON Point in WGS 84 (Koordinaten); null when unknown.' })
  point(
    @Root() location: Location,
    @Ctx() ctx: Context,
    @Arg('precision', () => Int, { defaultValue: 6, description: 'Decimal places (0–15; 6 ≈ 0.1 m).' }) precision: number,
  ): Promise<GeoJsonGeometry | null> {
    checkPrecision(precision);
    return ctx.loaders.locationPoint(precision).load(location.id);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The finest area containing the point (derived from the point, never typed).' })
  area(@Root() location: Location, @Ctx() ctx: Context) {
    return location.areaId === null ? null : ctx.loaders.areaById.load(location.areaId);
  }

  @FieldResolver(() => [Service], { description: 'Services offered here (Angebote am Standort).' })
  services(@Root() location: Location, @Ctx() ctx: Context) {
    return ctx.loaders.servicesByLocationId.load(location.id);
  }
}

@Resolver(() => Area)
export class AreaServiceResolver {
  @FieldResolver(() => [CategoryStat], {
    description:
      'Services and capacity per category with a location inside this area (Angebotsstatistik); each service counts once per area.',
  })
  async serviceStats(@Root() area: Area, @Ctx() ctx: Context, @Args() { statuses, categoryKeys }: ServiceStatsArgs): Promise<CategoryStat[]> {
    const rows = await ctx.loaders.categoryStats(statuses, categoryKeys).load(area.id);
    return rows.map((r) => ({
      category: { id: r.id, key: r.key, name: r.name, nameEn: r.nameEn, description: r.description },
      services: r.services,
      capacity: r.capacity,
      capacityUnit: r.capacityUnit,
      servicesWithoutCapacity: r.servicesWithoutCapacity,
    }));
  }
}
