import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
import { AccessibilityArgs } from './accessibility.args';
import { AccessibilityResultType } from './accessibility.type';
import { computeAccessibilityAnswer } from './compute-accessibility';

@Resolver()
export class AccessibilityResolver {
  @Query(() => AccessibilityResultType, {
    description:
      'Spatial accessibility by the enhanced two-step floating catchment area method (E2SFCA; Luo & Qi 2009) for one category: ' +
      'per area (population-weighted over its demand points) and optionally per demand point. Zones and weights from the category’s norm. ' +
      'Services across a district border count for their neighbours.',
  })
  async accessibility(@Ctx() ctx: Context, @Args() args: AccessibilityArgs): Promise<AccessibilityResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await computeAccessibilityAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }
}
