import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context';
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
  scenario(@Ctx() ctx: Context, @Arg('input', () => ScenarioInput, { description: 'Changes to apply (Änderungen).' }) input: ScenarioInput): Promise<ScenarioResultType> {
    return runScenarioAnswer(ctx, input);
  }
}
