import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Connection, paginate, toConnection } from '../common/connection';
import { resolveCity } from '../cities/city.sql';
import { Source } from '../indicators/indicator.type';
import { Service } from '../services/service.type';
import { ProvidersArgs } from './provider.args';
import { countProviders, findProviders } from './provider.sql';
import { Provider } from './provider.type';

const { ConnectionType: ProviderConnection } = Connection(Provider, 'Provider', 'A page of providers, ordered by id.');

@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => ProviderConnection, { description: 'Providers (Träger) matching all given filters, as a paged connection ordered by id; of one city: those with at least one service there (default: the default city, and providers without any service).' })
  async providers(@Ctx() ctx: Context, @Args() args: ProvidersArgs) {
    // without a city the default city in SQL, no extra statement
    const filter = { ...args.filter, scope: args.filter?.city ? await resolveCity(ctx.prisma, args.filter.city, 'filter.city') : undefined };
    const page = await paginate(
      args,
      (take, afterId) => findProviders(ctx.prisma, filter, ctx.caller, take, afterId),
      () => countProviders(ctx.prisma, filter, ctx.caller),
    );
    for (const provider of page.nodes) ctx.loaders.providerById.prime(provider.id, provider);
    return toConnection(page);
  }

  @Query(() => Provider, { nullable: true, description: 'One provider by id; null when missing or not published.' })
  provider(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Internal id.' }) id: number) {
    return ctx.loaders.providerById.load(id);
  }

  @FieldResolver(() => [Service], { description: 'Services the provider runs, ordered by name (Angebote).' })
  services(@Root() provider: Provider, @Ctx() ctx: Context) {
    return ctx.loaders.servicesByProviderId.load(provider.id);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source, licence and attribution (Quelle).' })
  source(@Root() provider: Provider, @Ctx() ctx: Context) {
    return provider.sourceId === null ? null : ctx.loaders.sourceById.load(provider.sourceId);
  }
}
