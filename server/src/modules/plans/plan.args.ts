import { MeasureHorizon, MeasureStatus } from '@sozialatlas/db';
import { ArgsType, Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filters for measures; all given filters must hold (AND).' })
export class MeasureFilter {
  @Field(() => Int, { nullable: true, description: 'Only measures that name this area as a target area.' })
  areaId?: number;

  @Field(() => [MeasureStatus], { nullable: true, description: 'Only these states of implementation.' })
  statuses?: MeasureStatus[];

  @Field(() => [MeasureHorizon], { nullable: true, description: 'Only these horizons.' })
  horizons?: MeasureHorizon[];

  @Field(() => Int, { nullable: true, description: 'Only measures of this plan.' })
  planId?: number;

  @Field(() => String, { nullable: true, description: 'Only measures of plans of this city, by key ("chemnitz") or AGS; absent: the default city (Leipzig).' })
  city?: string;
}

@ArgsType()
export class MeasuresArgs {
  @Field(() => MeasureFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: MeasureFilter;
}
