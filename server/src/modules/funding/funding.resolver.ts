import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { Area } from '../areas/area.type';
import { Connection, paginate, toConnection } from '../common/connection';
import { resolveCity } from '../cities/city.sql';
import { checkYear } from '../common/years';
import { Source } from '../indicators/indicator.type';
import { Provider } from '../providers/provider.type';
import { Service } from '../services/service.type';
import { FundingsArgs, FundingTotalsArgs, FundingYearsArgs } from './funding.args';
import { countFundings, findFundings, fundingTotals } from './funding.sql';
import { AreaFundingTotal, Funding, PriceIndexYear } from './funding.type';

const { ConnectionType: FundingConnection } = Connection(Funding, 'Funding', 'A page of funding lines, ordered by id.');

export function checkYears(fromYear: number | undefined, toYear: number | undefined, prefix = '') {
  checkYear(fromYear, `${prefix}fromYear`);
  checkYear(toYear, `${prefix}toYear`);
  if (fromYear != null && toYear != null && fromYear > toYear) {
    throw new BadUserInputError('fromYear must not be after toYear', `${prefix}toYear`);
  }
}

const inYears = (fundings: Funding[], { fromYear, toYear }: FundingYearsArgs) =>
  fundings.filter((f) => (fromYear == null || f.year >= fromYear) && (toYear == null || f.year <= toYear));

function describeMethod(baseYear: number, year: number, unplaced: string): string {
  return (
    'Funding lines (granted and paid unless other statuses are asked for) of each service are split over its locations ' +
    '(by the stored share, otherwise in equal parts); each location counts in the finest area containing its point and ' +
    'rolls up through the area hierarchy. Funding given to a provider without a service, or at locations outside every ' +
    `area, cannot be placed and is left out (${unplaced} EUR in ${year}). ` +
    `Real: nominal × VPI(${baseYear}) / VPI(${year}) (consumer price index, Verbraucherpreisindex). ` +
    'Per resident: real / population of the area in the same year. Rounded to cents after each step.'
  );
}

@Resolver(() => Funding)
export class FundingResolver {
  @Query(() => FundingConnection, { description: 'Funding lines (Förderungen) matching all given filters, as a paged connection ordered by id.' })
  async fundings(@Ctx() ctx: Context, @Args() args: FundingsArgs) {
    checkYears(args.filter?.fromYear, args.filter?.toYear, 'filter.');
    // the named city; with a service or area named, that one's city; else the default city (SQL)
    const named = args.filter?.serviceId != null || args.filter?.areaId != null || args.filter?.providerId != null ? null : undefined;
    const filter = { ...args.filter, scope: args.filter?.city ? await resolveCity(ctx.prisma, args.filter.city, 'filter.city') : named };
    const page = await paginate(
      args,
      (take, afterId) => findFundings(ctx.prisma, filter, ctx.caller, take, afterId),
      () => countFundings(ctx.prisma, filter, ctx.caller),
    );
    return toConnection(page);
  }

  @Query(() => [PriceIndexYear], { description: 'The consumer price index per year (Verbraucherpreisindex), ordered by year.' })
  priceIndex(@Ctx() ctx: Context) {
    return ctx.loaders.priceIndex();
  }

  @Query(() => [AreaFundingTotal], {
    description:
      'Funding per area and year by the location of the services, nominal, in constant prices and per resident (Förderung je Gebiet). ' +
      'Every area of the level gets a row for every year with any funding.',
  })
  async fundingTotals(@Ctx() ctx: Context, @Args() args: FundingTotalsArgs): Promise<AreaFundingTotal[]> {
    checkYears(args.fromYear, args.toYear);
    const index = await ctx.loaders.priceIndex();
    const baseYear = args.baseYear ?? index[index.length - 1]?.baseYear ?? 2020;
    if (!index.some((p) => p.year === baseYear)) {
      throw new BadUserInputError(`baseYear ${baseYear} has no consumer price index`, 'baseYear');
    }
    if (args.areaIds && args.areaIds.length > 1000) throw new BadUserInputError('areaIds must name at most 1000 areas', 'areaIds');
    // the named city; with areaIds those areas, whatever their city; else the default city (SQL)
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : args.areaIds ? null : undefined;
    const rows = await fundingTotals(ctx.prisma, { ...args, baseYear, scope }, ctx.caller);
    return rows.map((r) => ({ ...r, baseYear, method: describeMethod(baseYear, r.year, r.unplaced) }));
  }

  @FieldResolver(() => Service, { nullable: true, description: 'The funded service; null for funding given to a provider as a whole.' })
  service(@Root() funding: Funding, @Ctx() ctx: Context) {
    return funding.serviceId === null ? null : ctx.loaders.serviceById.load(funding.serviceId);
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'The provider funded directly, or running the funded service.' })
  async provider(@Root() funding: Funding, @Ctx() ctx: Context) {
    if (funding.providerId !== null) return ctx.loaders.providerById.load(funding.providerId);
    if (funding.serviceId === null) return null;
    const service = await ctx.loaders.serviceById.load(funding.serviceId);
    return service?.providerId == null ? null : ctx.loaders.providerById.load(service.providerId);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source, licence and attribution (Quelle).' })
  source(@Root() funding: Funding, @Ctx() ctx: Context) {
    return funding.sourceId === null ? null : ctx.loaders.sourceById.load(funding.sourceId);
  }
}

@Resolver(() => AreaFundingTotal)
export class AreaFundingTotalResolver {
  @FieldResolver(() => Area, { description: 'The area.' })
  area(@Root() total: AreaFundingTotal, @Ctx() ctx: Context) {
    return ctx.loaders.areaById.load(total.areaId);
  }
}

@Resolver(() => Service)
export class ServiceFundingResolver {
  @FieldResolver(() => [Funding], { description: 'Funding lines of the service, ordered by year (Förderungen).' })
  async fundings(@Root() service: Service, @Ctx() ctx: Context, @Args() years: FundingYearsArgs) {
    checkYears(years.fromYear, years.toYear);
    return inYears(await ctx.loaders.fundingsByServiceId.load(service.id), years);
  }
}

@Resolver(() => Provider)
export class ProviderFundingResolver {
  @FieldResolver(() => [Funding], {
    description: 'Funding given to the provider directly or to one of its services, ordered by year (Förderungen).',
  })
  async fundings(@Root() provider: Provider, @Ctx() ctx: Context, @Args() years: FundingYearsArgs) {
    checkYears(years.fromYear, years.toYear);
    return inYears(await ctx.loaders.fundingsByProviderId.load(provider.id), years);
  }
}
