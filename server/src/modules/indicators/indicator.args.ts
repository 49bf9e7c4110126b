import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '../common/connection';

@InputType({ description: 'Which indicator values to return; all given filters must hold (AND).' })
export class IndicatorValueFilter {
  @Field(() => [String], { description: 'Indicator keys, e.g. ["sgb2_rate", "population"].' })
  indicatorKeys!: string[];

  @Field(() => [Int], { nullable: true, description: 'Only these area ids.' })
  areaIds?: number[];

  @Field(() => [String], { nullable: true, description: 'Only areas with these official keys.' })
  areaCodes?: string[];

  @Field(() => AreaLevel, { nullable: true, description: 'Only areas of this level.' })
  level?: AreaLevel;

  @Field(() => [Int], { nullable: true, description: 'Only these years.' })
  years?: number[];

  @Field(() => Int, { nullable: true, description: 'From this year on (inclusive).' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Up to this year (inclusive).' })
  toYear?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only areas of this city, by key or AGS; absent: the default city (Leipzig), or with `areaIds` those areas. `areaCodes` are looked up in this city.',
  })
  city?: string;
}

@ArgsType()
export class IndicatorValuesArgs extends PageArgs {
  @Field(() => IndicatorValueFilter, { description: 'Indicators, areas and years to return.' })
  filter!: IndicatorValueFilter;
}

@ArgsType()
export class SeriesArgs {
  @Field(() => Int, { nullable: true, description: 'First year (inclusive).' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Last year (inclusive).' })
  toYear?: number;
}
