import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { EarlyWarningRuleKind, MarginUnit } from './early-warning.type';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

@InputType({ description: 'An early-warning rule (Frühwarnregel); give the fields its kind needs.' })
export class EarlyWarningRuleInput {
  @Field(() => EarlyWarningRuleKind, { description: 'Kind of rule (Regelart).' })
  kind!: EarlyWarningRuleKind;

  @Field({ description: 'Indicator key (HIGHER_IS_WORSE or HIGHER_IS_BETTER).' })
  indicatorKey!: string;

  @Field(() => Float, { nullable: true, description: 'THRESHOLD: the threshold T in the indicator’s unit (Schwellenwert).' })
  threshold?: number;

  @Field(() => Float, { nullable: true, description: 'WORSE_THAN_CITY (default 25) / FASTER_THAN_CITY (default 1 SD of the areas’ changes): margin m ≥ 0.' })
  margin?: number;

  @Field(() => MarginUnit, {
    nullable: true,
    description: 'Unit of the margin: WORSE_THAN_CITY UNITS or PERCENT_OF_CITY (default); FASTER_THAN_CITY UNITS (default when a margin is given) or SD_OF_AREAS.',
  })
  marginUnit?: MarginUnit;

  @Field(() => Int, { nullable: true, description: 'WORSENING_STREAK: consecutive years N ≥ 1; default 3.' })
  years?: number;

  @Field(() => Int, { nullable: true, description: 'FASTER_THAN_CITY: span s ≥ 1 in years; default 2 (the need index’s span).' })
  span?: number;
}

@ArgsType()
export class EarlyWarningArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year t of the alerts (Jahr).' })
  year!: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Indicators the default rules apply to; default: the need-index default set (incl. sgb2_single_parent_per_1000).',
  })
  indicators?: string[];

  @Field(() => [EarlyWarningRuleInput], {
    nullable: true,
    description:
      'Rules; default per indicator: WORSE_THAN_CITY (25 % of the city value), WORSENING_STREAK (3 years), FASTER_THAN_CITY (2 years, ' +
      'margin 1 SD of the areas’ changes). Every rule also needs the signal to exceed the rounding of the published values. ' +
      'Threshold rules have no default (a threshold is a political decision).',
  })
  rules?: EarlyWarningRuleInput[];

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
