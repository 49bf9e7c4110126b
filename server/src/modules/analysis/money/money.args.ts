import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Int } from 'type-graphql';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

@ArgsType()
export class MoneyFlowArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'First year (von).' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year (bis); the change is computed from fromYear to toYear.' })
  toYear!: number;

  @Field(() => Int, { nullable: true, description: 'Price base year of the real amounts (Preisbasisjahr); default toYear.' })
  baseYear?: number;

  @Field(() => [String], { nullable: true, description: 'Only services of these categories; default all.' })
  categoryKeys?: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Year compared with the need index (Bedarfsjahr), between fromYear and toYear; default toYear.',
  })
  needYear?: number;

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
