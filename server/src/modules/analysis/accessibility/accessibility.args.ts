import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { DecayKind, DemandMode } from '../analysis.type';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

@InputType({ description: 'A travel cost from a demand point to a service, e.g. the walking distance from a router (Reisekosten).' })
export class TravelCostInput {
  @Field({ description: 'Code of the demand area (Gebietsschlüssel of an Ortsteil; its label point is the demand point).' })
  areaCode!: string;

  @Field(() => Int, { description: 'Service id.' })
  serviceId!: number;

  @Field(() => Float, { description: 'Network distance in metres, ≥ 0 (the category’s catchment and decay apply to it).' })
  metres!: number;
}

@ArgsType()
export class AccessibilityArgs {
  @Field({ description: 'Service category key, e.g. "day_care".' })
  category!: string;

  @Field(() => Int, { description: 'Year of the target population (Jahr).' })
  year!: number;

  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Level results are aggregated to (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => DemandMode, { defaultValue: DemandMode.GRID, description: 'Demand points; default GRID.' })
  demand!: DemandMode;

  @Field(() => Int, { defaultValue: 250, description: 'Grid cell size in metres, 100–2,000 (Rasterweite); default 250.' })
  gridSizeM!: number;

  @Field(() => Boolean, { defaultValue: false, description: 'Also return every demand point (Nachfragepunkte); default false.' })
  points!: boolean;

  @Field(() => DecayKind, { defaultValue: DecayKind.STEP, description: 'Distance decay (Distanzgewichtung); default STEP (the category’s zones).' })
  decay!: DecayKind;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: exponent β > 0; default 1.' })
  beta?: number | null;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: metres up to which the weight is 1; default 500.' })
  minDistance?: number | null;

  @Field(() => Float, { defaultValue: 1.2, description: 'Detour factor ≥ 1 (Umwegfaktor): network distance ≈ straight line × factor; default 1.2.' })
  detourFactor!: number;

  @Field(() => [TravelCostInput], {
    nullable: true,
    description:
      'Travel costs instead of straight line × detour factor (up to 20,000; needs demand LABEL_POINTS): a pair not given is out of reach. Unknown areas or services and negative costs are refused.',
  })
  costs?: TravelCostInput[] | null;

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
