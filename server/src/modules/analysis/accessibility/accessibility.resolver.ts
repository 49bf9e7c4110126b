import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { unavailableFor } from '../../cities/city.resolver';
import { resolveCity } from '../../cities/city.sql';
import { CityGap } from '../../cities/city.type';
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
    const scope = await resolveCity(ctx.prisma, args.city);
    const answer = await computeAccessibilityAnswer(ctx, Object.assign(args, { scope }));
    return { ...answer, unavailable: unavailableFor(scope?.city, [CityGap.ACCESSIBILITY_DEMAND]) };
  }
}
