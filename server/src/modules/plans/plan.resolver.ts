import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { areasOf } from '../areas/area.loaders';
import { Area } from '../areas/area.type';
import { Indicator, Source } from '../indicators/indicator.type';
import { MeasuresArgs } from './plan.args';
import { cityIdWhere, resolveCity } from '../cities/city.sql';
import { visibleMeasure, visiblePlan } from './plan.loaders';
import { Goal, Measure, Plan, PlanField, PlanReference } from './plan.type';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], { description: 'Social plans and related plans (Sozialpläne), newest period first.' })
  async plans(@Ctx() ctx: Context, @Arg('city', () => String, { nullable: true, description: 'The city the plans plan for, by key ("chemnitz") or AGS; absent: the default city (Leipzig).' }) city?: string) {
    const scope = await resolveCity(ctx.prisma, city);
    return ctx.prisma.plan.findMany({ where: { AND: [visiblePlan(ctx.caller), cityIdWhere(scope)] }, orderBy: [{ periodStart: 'desc' }, { id: 'asc' }] });
  }

  @Query(() => Plan, { nullable: true, description: 'One plan by id; null when missing or not published.' })
  plan(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Internal id.' }) id: number) {
    return ctx.loaders.planById.load(id);
  }

  @Query(() => [Measure], { description: 'Measures (Maßnahmen) matching all given filters, ordered by plan, goal and code.' })
  async measures(@Ctx() ctx: Context, @Args() { filter = {} }: MeasuresArgs) {
    const scope = await resolveCity(ctx.prisma, filter.city, 'filter.city');
    return ctx.prisma.measure.findMany({
      where: {
        AND: [
          visibleMeasure(ctx.caller),
          { goal: { plan: cityIdWhere(scope) } },
          filter.areaId != null ? { areas: { some: { areaId: filter.areaId } } } : {},
          filter.statuses ? { status: { in: filter.statuses } } : {},
          filter.horizons ? { horizon: { in: filter.horizons } } : {},
          filter.planId != null ? { goal: { planId: filter.planId } } : {},
        ],
      },
      orderBy: [{ goal: { planId: 'asc' } }, { goal: { code: 'asc' } }, { code: 'asc' }],
    });
  }

  @FieldResolver(() => [Goal], { description: 'Goals of the plan, ordered by code (Ziele).' })
  goals(@Root() plan: Plan, @Ctx() ctx: Context) {
    return ctx.loaders.goalsByPlanId.load(plan.id);
  }

  @FieldResolver(() => [PlanField], { description: 'Fields of action of the plan, ordered by code (Handlungsfelder); goals name theirs in `field`.' })
  fields(@Root() plan: Plan, @Ctx() ctx: Context) {
    return ctx.loaders.fieldsByPlanId.load(plan.id);
  }

  @FieldResolver(() => [PlanReference], { description: 'References to other plans (Verweise).' })
  references(@Root() plan: Plan, @Ctx() ctx: Context) {
    return ctx.loaders.referencesByPlanId.load(plan.id);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source, licence and attribution (Quelle).' })
  source(@Root() plan: Plan, @Ctx() ctx: Context) {
    return plan.sourceId === null ? null : ctx.loaders.sourceById.load(plan.sourceId);
  }
}

@Resolver(() => PlanReference)
export class PlanReferenceResolver {
  @FieldResolver(() => Plan, { nullable: true, description: 'The referenced plan when it is stored here (and visible to you).' })
  targetPlan(@Root() reference: PlanReference, @Ctx() ctx: Context) {
    return reference.targetPlanId === null ? null : ctx.loaders.planById.load(reference.targetPlanId);
  }
}

@Resolver(() => Goal)
export class GoalResolver {
  @FieldResolver(() => [Measure], { description: 'Measures for this goal, ordered by code (Maßnahmen).' })
  measures(@Root() goal: Goal, @Ctx() ctx: Context) {
    return ctx.loaders.measuresByGoalId.load(goal.id);
  }

  @FieldResolver(() => PlanField, { nullable: true, description: 'The field of action the goal belongs to (Handlungsfeld); null when the plan has none.' })
  field(@Root() goal: Goal, @Ctx() ctx: Context) {
    return goal.fieldId === null ? null : ctx.loaders.fieldById.load(goal.fieldId);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan the goal belongs to.' })
  plan(@Root() goal: Goal, @Ctx() ctx: Context) {
    return ctx.loaders.planById.load(goal.planId);
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [Area], { description: 'Areas the measure targets, ordered by key; empty for city-wide measures (Zielgebiete).' })
  async areas(@Root() measure: Measure, @Ctx() ctx: Context) {
    return areasOf(ctx, await ctx.loaders.areaIdsByMeasureId.load(measure.id));
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators the measure is meant to move, ordered by key (Zielindikatoren).' })
  indicators(@Root() measure: Measure, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorsByMeasureId.load(measure.id);
  }

  @FieldResolver(() => Goal, { nullable: true, description: 'The goal the measure serves (Ziel).' })
  goal(@Root() measure: Measure, @Ctx() ctx: Context) {
    return ctx.loaders.goalById.load(measure.goalId);
  }
}

@Resolver(() => Area)
export class AreaPlanResolver {
  @FieldResolver(() => [Measure], { description: 'Measures that name this area as a target area (Maßnahmen im Gebiet).' })
  measures(@Root() area: Area, @Ctx() ctx: Context) {
    return ctx.loaders.measuresByAreaId.load(area.id);
  }
}
