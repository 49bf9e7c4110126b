import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { unavailableFor } from '../../cities/city.resolver';
import { resolveCity } from '../../cities/city.sql';
import { CityGap } from '../../cities/city.type';
import { computeCoverageAnswer } from './compute-coverage';
import { CoverageArgs } from './coverage.args';
import { CoverageResultType } from './coverage.type';

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageResultType, {
    description:
      'Coverage (Versorgung) per area × service category: ACTIVE, published services located in the area (by their location point), ' +
      'capacity against the target population of the category’s norm, ratio per 1,000 and gap to the norm. Capacity not recorded ' +
      '(e.g. day-care centres) is reported as unknown, never as 0.',
  })
  async coverage(@Ctx() ctx: Context, @Args() args: CoverageArgs): Promise<CoverageResultType> {
    const scope = await resolveCity(ctx.prisma, args.city);
    const answer = await computeCoverageAnswer(ctx, Object.assign(args, { scope }));
    return { ...answer, unavailable: unavailableFor(scope?.city, [CityGap.COVERAGE_RATE]) };
  }
}
