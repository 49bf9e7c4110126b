import { IndicatorTopic, Prisma } from '@sozialatlas/db';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { Area } from '../areas/area.type';
import { cityCondition, resolveCity } from '../cities/city.sql';
import { Connection, paginate, toConnection } from '../common/connection';
import { checkYear } from '../common/years';
import { IndicatorValuesArgs, SeriesArgs, type IndicatorValueFilter } from './indicator.args';
import { countValues, findValues, type ValueFilter } from './indicator.sql';
import { Indicator, IndicatorValue, Source } from './indicator.type';

const { ConnectionType: IndicatorValueConnection } = Connection(
  IndicatorValue,
  'IndicatorValue',
  'A page of indicator values (rows), ordered by internal id.',
);

/** Resolves an indicator key or fails with NOT_FOUND naming the key. */
export async function requireIndicator(ctx: Context, key: string): Promise<Indicator> {
  const indicator = await ctx.loaders.indicatorByKey.load(key);
  if (!indicator) throw new NotFoundError('Indicator', key);
  return indicator;
}

async function toValueFilter(ctx: Context, filter: IndicatorValueFilter): Promise<ValueFilter> {
  if (filter.indicatorKeys.length === 0 || filter.indicatorKeys.length > 50) {
    throw new BadUserInputError('indicatorKeys must name 1–50 indicators', 'filter.indicatorKeys');
  }
  for (const year of filter.years ?? []) checkYear(year, 'filter.years');
  checkYear(filter.fromYear, 'filter.fromYear');
  checkYear(filter.toYear, 'filter.toYear');
  const indicators = await Promise.all(filter.indicatorKeys.map((key) => requireIndicator(ctx, key)));
  let areaIds = filter.areaIds;
  // codes are unique per city only; area ids name their city themselves. Without a city the default
  // city applies in SQL (no extra statement).
  const scope = filter.city ? await resolveCity(ctx.prisma, filter.city, 'filter.city') : filter.areaIds && !filter.areaCodes ? null : undefined;
  if (filter.areaCodes) {
    const areas = await ctx.prisma.$queryRaw<{ id: number }[]>`
      SELECT a.id FROM area a WHERE a.code = ANY(${filter.areaCodes}::text[]) AND ${cityCondition(Prisma.sql`a.city_id`, scope ?? undefined)}`;
    areaIds = [...(areaIds ?? []), ...areas.map((a) => a.id)];
  }
  return {
    scope,
    indicatorIds: indicators.map((i) => i.id),
    areaIds,
    level: filter.level,
    years: filter.years,
    fromYear: filter.fromYear,
    toYear: filter.toYear,
  };
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The indicator catalogue (Indikatorenkatalog), optionally of one topic, ordered by key.' })
  indicators(
    @Ctx() ctx: Context,
    @Arg('topic', () => IndicatorTopic, { nullable: true, description: 'Only indicators of this topic.' }) topic?: IndicatorTopic,
  ) {
    return ctx.prisma.indicator.findMany({ where: topic ? { topic } : {}, orderBy: { key: 'asc' } });
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by key.' })
  indicator(@Ctx() ctx: Context, @Arg('key', { description: 'Indicator key, e.g. "sgb2_rate".' }) key: string) {
    return ctx.loaders.indicatorByKey.load(key);
  }

  @Query(() => [Source], { description: 'All data sources with licence and attribution (Quellen).' })
  async sources(@Ctx() ctx: Context) {
    const rows = await ctx.prisma.source.findMany({ orderBy: { key: 'asc' } });
    return rows;
  }

  @Query(() => IndicatorValueConnection, {
    description:
      'Values for any set of indicators × areas × years, as rows. Suppressed values (Geheimhaltung) are null with status SUPPRESSED.',
  })
  async indicatorValues(@Ctx() ctx: Context, @Args() args: IndicatorValuesArgs) {
    const filter = await toValueFilter(ctx, args.filter);
    const page = await paginate(
      args,
      (take, afterId) => findValues(ctx.prisma, filter, ctx.caller, take, afterId),
      () => countValues(ctx.prisma, filter),
    );
    return toConnection(page);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'For weighted means: the indicator that weights the parts (Bezugsgröße); for RATIO_OF_COUNTS: the denominator (Nenner).' })
  denominator(@Root() indicator: Indicator, @Ctx() ctx: Context) {
    return indicator.denominatorId === null ? null : ctx.loaders.indicatorById.load(indicator.denominatorId);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'For a ratio of two counts (RATIO_OF_COUNTS): the numerator (Zähler).' })
  numerator(@Root() indicator: Indicator, @Ctx() ctx: Context) {
    return indicator.numeratorId === null ? null : ctx.loaders.indicatorById.load(indicator.numeratorId);
  }

  @FieldResolver(() => Source, { description: 'Source, licence and attribution (Quelle).' })
  source(@Root() indicator: Indicator, @Ctx() ctx: Context) {
    return ctx.loaders.sourceById.load(indicator.sourceId);
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() value: IndicatorValue, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorById.load(value.indicatorId);
  }

  @FieldResolver(() => Area, { description: 'The area.' })
  area(@Root() value: IndicatorValue, @Ctx() ctx: Context) {
    return ctx.loaders.areaById.load(value.areaId);
  }

  @FieldResolver(() => Source, { description: 'Source of the value (publisher, licence, attribution).' })
  async source(@Root() value: IndicatorValue, @Ctx() ctx: Context) {
    const indicator = await ctx.loaders.indicatorById.load(value.indicatorId);
    return indicator ? ctx.loaders.sourceById.load(indicator.sourceId) : null;
  }
}

@Resolver(() => Area)
export class AreaIndicatorResolver {
  @FieldResolver(() => IndicatorValue, {
    nullable: true,
    description: 'The value of one indicator in one year, with status; null when there is no value.',
  })
  async value(
    @Root() area: Area,
    @Ctx() ctx: Context,
    @Arg('indicator', { description: 'Indicator key.' }) key: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ) {
    checkYear(year, 'year');
    const indicator = await requireIndicator(ctx, key);
    return ctx.loaders.value.load({ areaId: area.id, indicatorId: indicator.id, year });
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Time series of one indicator, ordered by year (Zeitreihe).' })
  async series(
    @Root() area: Area,
    @Ctx() ctx: Context,
    @Arg('indicator', { description: 'Indicator key.' }) key: string,
    @Args() { fromYear, toYear }: SeriesArgs,
  ) {
    checkYear(fromYear, 'fromYear');
    checkYear(toYear, 'toYear');
    const indicator = await requireIndicator(ctx, key);
    const series = await ctx.loaders.series.load({ areaId: area.id, indicatorId: indicator.id });
    return series.filter((v) => (fromYear === undefined || v.year >= fromYear) && (toYear === undefined || v.year <= toYear));
  }
}
