import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
import { CITY_ARGUMENT, resolveCity } from '../../cities/city.sql';
import { runScenarioAnswer } from './run-scenario';
import { ScenarioInput } from './scenario.args';
import { ScenarioResultType } from './scenario.type';

@Resolver()
export class ScenarioResolver {
  @Query(() => ScenarioResultType, {
    description:
      'What-if scenario (Szenario) for one category: add services at points, close services, change funding amounts; returns coverage, ' +
      'E2SFCA accessibility and gap class before and after for the areas whose supply, accessibility or gap class changes (gap scores ' +
      'shift everywhere, as they are relative). Writes nothing. A new service’s area is found spatially (ST_Covers); at most 50 new services.',
  })
  async scenario(
    @Ctx() ctx: Context,
    @Arg('input', () => ScenarioInput, { description: 'Changes to apply (Änderungen).' }) input: ScenarioInput,
    @Arg('city', () => String, { nullable: true, description: `${CITY_ARGUMENT} Closed and changed services must belong to the city; new ones must lie in it.` }) city?: string,
  ): Promise<ScenarioResultType> {
    // without a city the default city's areas (SQL), no extra statement; `unavailable` looks it up when asked
    const scope = city ? await resolveCity(ctx.prisma, city) : undefined;
    return { ...(await runScenarioAnswer(ctx, input, scope)), city: scope?.city };
  }
}
