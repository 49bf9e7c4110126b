import { AreaLevel } from '@sozialatlas/db';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
import { needIndexYears } from '../analysis.data';
import { computeNeedIndexAnswer } from './compute-need-index';
import { NeedIndexArgs } from './need-index.args';
import { NeedIndexResultType } from './need-index.type';

@Resolver()
export class NeedIndexResolver {
  @Query(() => NeedIndexResultType, {
    description:
      'Need index (Bedarfsindex) per area after Berlin’s Monitoring Soziale Stadtentwicklung: status index from z-standardised, ' +
      'polarity-signed, weighted indicators; dynamics from the change over `span` years; 4 status × 3 dynamics classes. ' +
      'Status classes name the social status: HIGH = least need … VERY_LOW = most need. Suppressed values exclude the area.',
  })
  async needIndex(@Ctx() ctx: Context, @Args() args: NeedIndexArgs): Promise<NeedIndexResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await computeNeedIndexAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }

  @Query(() => [Int], {
    description:
      'Years the need index with its default indicators can be computed for (Bedarfsjahre): every default indicator has a ' +
      'published value for some area of the level that year; oldest first.',
  })
  async needIndexYears(
    @Ctx() ctx: Context,
    @Arg('level', () => AreaLevel, { defaultValue: 'DISTRICT', description: 'Area level (Ebene); default DISTRICT.' }) level: AreaLevel,
    @Arg('city', () => String, { nullable: true, description: 'The city, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). A city without statistics per district has no year.' }) city?: string,
  ): Promise<number[]> {
    return needIndexYears(ctx, level, city ? await resolveCity(ctx.prisma, city) : undefined);
  }
}
