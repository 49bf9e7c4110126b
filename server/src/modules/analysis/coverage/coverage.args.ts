import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Int } from 'type-graphql';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

@ArgsType()
export class CoverageArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year of the target population (Jahr); services are the current ACTIVE, published ones.' })
  year!: number;

  @Field(() => [String], { nullable: true, description: 'Service category keys; default: all categories with a norm.' })
  categoryKeys?: string[];

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
