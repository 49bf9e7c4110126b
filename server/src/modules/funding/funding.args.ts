import { AreaLevel, FundingKind, FundingStatus } from '@sozialatlas/db';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { CITY_ARGUMENT, type CityScope } from '../cities/city.sql';

@InputType({ description: 'Filters for funding lines; all given filters must hold (AND).' })
export class FundingFilter {
  @Field(() => Int, { nullable: true, description: 'From this year on (inclusive).' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Up to this year (inclusive).' })
  toYear?: number;

  @Field(() => [String], { nullable: true, description: 'Only these funders, e.g. ["Jugendamt"].' })
  funders?: string[];

  @Field(() => [FundingKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: FundingKind[];

  @Field(() => [FundingStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: FundingStatus[];

  @Field(() => Int, { nullable: true, description: 'Only funding of this provider: given to it directly or to one of its services.' })
  providerId?: number;

  @Field(() => Int, { nullable: true, description: 'Only funding of this service.' })
  serviceId?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Only funding of services with a location inside this area’s boundary (any level); provider-level funding has no place and never matches.',
  })
  areaId?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only funding of services of this city (provider-level funding has no city and matches only the default city), by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig).',
  })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API): undefined = the default city */
  scope?: CityScope;
}

@ArgsType()
export class FundingsArgs extends PageArgs {
  @Field(() => FundingFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: FundingFilter;
}

@ArgsType()
export class FundingYearsArgs {
  @Field(() => Int, { nullable: true, description: 'First year (inclusive).' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Last year (inclusive).' })
  toYear?: number;
}

@ArgsType()
export class FundingTotalsArgs extends FundingYearsArgs {
  @Field(() => AreaLevel, { description: 'Level of the areas to total for, e.g. DISTRICT.' })
  level!: AreaLevel;

  @Field(() => Int, { nullable: true, description: 'Price base year for `real`; default the price index’s own base year (2020 = 100).' })
  baseYear?: number;

  @Field(() => [Int], { nullable: true, description: 'Only these areas (of `level`); all areas of the level when absent.' })
  areaIds?: number[];

  @Field(() => [FundingStatus], {
    defaultValue: [FundingStatus.GRANTED, FundingStatus.PAID],
    description: 'Count funding lines with these statuses; applications are left out by default.',
  })
  statuses!: FundingStatus[];

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
