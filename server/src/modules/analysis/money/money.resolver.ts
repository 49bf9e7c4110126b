import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
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
  moneyFlows(@Ctx() ctx: Context, @Args() args: MoneyFlowArgs): Promise<MoneyResultType> {
    return computeMoneyFlowsAnswer(ctx, args);
  }
}
