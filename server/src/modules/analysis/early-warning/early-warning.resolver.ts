import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
import { EarlyWarningArgs } from './early-warning.args';
import { EarlyWarningResultType } from './early-warning.type';
import { evaluateEarlyWarningsAnswer } from './evaluate-early-warnings';

@Resolver()
export class EarlyWarningResolver {
  @Query(() => EarlyWarningResultType, {
    description:
      'Early warning (Frühwarnsystem): rules per area and indicator for year t — beyond a threshold, worse than the city, worsening ' +
      'several years in a row, worsening faster than the city — each alert with the years and values that triggered it. The city ' +
      'series is the CITY-level area’s values. A rule lacking a value is listed in notEvaluated, never counted as "no alert".',
  })
  async earlyWarnings(@Ctx() ctx: Context, @Args() args: EarlyWarningArgs): Promise<EarlyWarningResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await evaluateEarlyWarningsAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }
}
