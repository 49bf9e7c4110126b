import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
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
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await computeCoverageAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }
}
