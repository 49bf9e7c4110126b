import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { areasOf } from '../areas/area.loaders';
import { Area } from '../areas/area.type';
import { Source } from '../indicators/indicator.type';
import { Plan } from '../plans/plan.type';
import { ParticipationArgs } from './participation.args';
import { resolveCity, type CityScope } from '../cities/city.sql';
import { ParticipationEvent } from './participation.type';

/** An event is of a city when it was held for one of its plans or concerns one of its areas; the default city also has the events of neither. */
function eventsOfCity(scope: CityScope) {
  if (!scope) return {};
  const ofCity = [{ plan: { is: { cityId: scope.id } } }, { areas: { some: { area: { cityId: scope.id } } } }];
  return { OR: scope.named ? ofCity : [...ofCity, { AND: [{ planId: null }, { areas: { none: {} } }] }, { plan: { is: { cityId: null } } }] };
}

@Resolver(() => ParticipationEvent)
export class ParticipationEventResolver {
  @Query(() => [ParticipationEvent], {
    name: 'participationEvents',
    description: 'Participation events (Beteiligungen) matching all given filters, ordered by date.',
  })
  async findParticipationEvents(@Ctx() ctx: Context, @Args() { filter = {} }: ParticipationArgs) {
    const scope = await resolveCity(ctx.prisma, filter.city, 'filter.city');
    return ctx.prisma.participationEvent.findMany({
      where: {
        date: { gte: filter.from, lte: filter.to },
        ...(filter.areaId != null ? { areas: { some: { areaId: filter.areaId } } } : {}),
        ...eventsOfCity(scope),
      },
      orderBy: [{ date: 'asc' }, { id: 'asc' }],
    });
  }

  @FieldResolver(() => [Area], { description: 'Areas the event concerned, ordered by key; empty for city-wide events.' })
  async areas(@Root() event: ParticipationEvent, @Ctx() ctx: Context) {
    return areasOf(ctx, await ctx.loaders.areaIdsByEventId.load(event.id));
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan the event was held for, if any.' })
  plan(@Root() event: ParticipationEvent, @Ctx() ctx: Context) {
    return event.planId === null ? null : ctx.loaders.planById.load(event.planId);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source, licence and attribution (Quelle).' })
  source(@Root() event: ParticipationEvent, @Ctx() ctx: Context) {
    return event.sourceId === null ? null : ctx.loaders.sourceById.load(event.sourceId);
  }
}

@Resolver(() => Plan)
export class PlanParticipationResolver {
  @FieldResolver(() => [ParticipationEvent], { description: 'Participation events held for this plan, ordered by date (Beteiligung).' })
  participationEvents(@Root() plan: Plan, @Ctx() ctx: Context) {
    return ctx.loaders.eventsByPlanId.load(plan.id);
  }
}

@Resolver(() => Area)
export class AreaParticipationResolver {
  @FieldResolver(() => [ParticipationEvent], { description: 'Participation events concerning this area, ordered by date (Beteiligung im Gebiet).' })
  participationEvents(@Root() area: Area, @Ctx() ctx: Context) {
    return ctx.loaders.eventsByAreaId.load(area.id);
  }
}
