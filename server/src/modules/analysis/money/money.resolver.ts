import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { resolveCity } from '../../cities/city.sql';
import { computeMoneyFlowsAnswer } from './compute-money-flows';
import { MoneyFlowArgs } from './money.args';
import { MoneyResultType } from './money.type';

@Resolver()
export class MoneyResolver {
  @Query(() => MoneyResultType, {
    description:
      'Funding per area (Förderung je Gebiet) by the location of the funded services: nominal and real (deflated by the consumer price index), ' +
      'per resident and per person of the target group, real change from fromYear to toYear with the "Dynamisierung fehlt" flag, and the ' +
      'Spearman rank correlation of funding per resident with the need index (does money follow need?). Granted and paid funding only.',
  })
  async moneyFlows(@Ctx() ctx: Context, @Args() args: MoneyFlowArgs): Promise<MoneyResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = args.city ? await resolveCity(ctx.prisma, args.city) : undefined;
    return { ...(await computeMoneyFlowsAnswer(ctx, Object.assign(args, { scope }))), city: scope?.city };
  }
}
