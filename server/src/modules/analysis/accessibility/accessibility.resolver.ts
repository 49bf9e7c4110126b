import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
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
  accessibility(@Ctx() ctx: Context, @Args() args: AccessibilityArgs): Promise<AccessibilityResultType> {
    return computeAccessibilityAnswer(ctx, args);
  }
}
