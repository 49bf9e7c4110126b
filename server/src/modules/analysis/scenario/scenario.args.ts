import { AreaLevel } from '@sozialatlas/db';
import type Decimal from 'decimal.js';
import { Field, Float, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../../scalars/decimal';
import { DecayKind } from '../analysis.type';

@InputType({ description: 'A service to add in a scenario (neues Angebot).' })
export class ScenarioServiceInput {
  @Field(() => Float, { description: 'Longitude, WGS 84 (Längengrad); must lie in an area of the city.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude, WGS 84 (Breitengrad).' })
  lat!: number;

  @Field(() => Float, { description: 'Capacity > 0 in the category’s unit (Kapazität).' })
  capacity!: number;

  @Field(() => String, { nullable: true, description: 'Name, for the output (Name).' })
  name?: string;
}

@InputType({ description: 'A changed funding amount of a service in a year (Förderänderung); "0" cuts it.' })
export class ScenarioFundingChangeInput {
  @Field(() => Int, { description: 'Service id.' })
  serviceId!: number;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'New amount in EUR ≥ 0.' })
  amount!: Decimal;
}

@InputType({ description: 'A what-if scenario (Szenario); nothing is written.' })
export class ScenarioInput {
  @Field({ description: 'Service category key.' })
  category!: string;

  @Field(() => Int, { description: 'Year of the target population (Jahr).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Year of the need index for the gap (Bedarfsjahr); default `year`.' })
  needYear?: number;

  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => [ScenarioServiceInput], { defaultValue: [], description: 'Services to add (at most 50).' })
  addServices!: ScenarioServiceInput[];

  @Field(() => [Int], { defaultValue: [], description: 'Ids of services of the category to close.' })
  closeServiceIds!: number[];

  @Field(() => [ScenarioFundingChangeInput], { defaultValue: [], description: 'Funding amounts to set.' })
  fundingChanges!: ScenarioFundingChangeInput[];

  @Field(() => DecayKind, { defaultValue: DecayKind.STEP, description: 'Distance decay (Distanzgewichtung); default STEP (the category’s zones).' })
  decay!: DecayKind;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: exponent β > 0; default 1.' })
  beta?: number | null;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: metres up to which the weight is 1; default 500.' })
  minDistance?: number | null;

  @Field(() => Float, { defaultValue: 1.2, description: 'Detour factor ≥ 1 (Umwegfaktor): network distance ≈ straight line × factor; default 1.2.' })
  detourFactor!: number;
}
