import { ArgsType, Field, Float, Int } from 'type-graphql';

@ArgsType()
export class BudgetCityArgs {
  @Field({ nullable: true, deprecationReason: 'Use `city` (key or AGS), as every other query.', description: 'Official key of the city (AGS), e.g. "14713000"; default: the default city.' })
  cityCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The city, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). A city without a budget answers null (`City.unavailable` says why), never another city’s figures.',
  })
  city?: string;
}

@ArgsType()
export class BudgetArgs extends BudgetCityArgs {
  @Field(() => Int, { description: 'Plan year, e.g. 2025 (Planjahr).' })
  year!: number;

  @Field(() => [String], { nullable: true, description: 'Only these products, by code.' })
  productCodes?: string[];

  @Field(() => Int, { nullable: true, description: 'Price base year for `real`; default the price index’s own base year.' })
  baseYear?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Assumed yearly inflation in percent for plan years the price index does not cover yet (e.g. 2.0); without it `real` is null for those years. ' +
      'The projection is flagged (`priceIndexAssumed`).',
  })
  assumedInflationPercent?: number;
}
