import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
import { computeGapsAnswer } from './compute-gaps';
import { GapArgs } from './gaps.args';
import { GapResultType } from './gaps.type';

@Resolver()
export class GapsResolver {
  @Query(() => GapResultType, {
    description:
      'Gaps (Versorgungslücken) for one category: gap score g = z(need) − z(supply) and class per area. Need = S* of the need index ' +
      '(default indicators, year `needYear`); supply = E2SFCA accessibility per 1,000 (default) or the coverage ratio per 1,000. ' +
      'The map’s headline layer; the demand grid is cached, so repeated calls are fast.',
  })
  async gaps(@Ctx() ctx: Context, @Args() args: GapArgs): Promise<GapResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await computeGapsAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }
}
