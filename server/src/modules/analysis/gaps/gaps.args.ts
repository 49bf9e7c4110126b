import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { DecayKind } from '../analysis.type';
import { GapSupplyMeasure } from './gaps.type';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

@ArgsType()
export class GapArgs {
  @Field({ description: 'Service category key, e.g. "youth_club".' })
  category!: string;

  @Field(() => Int, { description: 'Year of supply and target population (Jahr).' })
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Year of the need index (Bedarfsjahr); default `year`. Leipzig’s SGB II data end in 2022, so pass 2022 for later years.',
  })
  needYear?: number;

  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => GapSupplyMeasure, {
    defaultValue: GapSupplyMeasure.ACCESSIBILITY,
    description: 'Supply measure V; default ACCESSIBILITY (E2SFCA per 1,000 on a 250 m grid, counts supply across borders).',
  })
  supply!: GapSupplyMeasure;

  @Field(() => DecayKind, { defaultValue: DecayKind.STEP, description: 'Distance decay (Distanzgewichtung); default STEP (the category’s zones).' })
  decay!: DecayKind;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: exponent β > 0; default 1.' })
  beta?: number | null;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: metres up to which the weight is 1; default 500.' })
  minDistance?: number | null;

  @Field(() => Float, { defaultValue: 1.2, description: 'Detour factor ≥ 1 (Umwegfaktor): network distance ≈ straight line × factor; default 1.2.' })
  detourFactor!: number;

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
