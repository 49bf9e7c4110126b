import { AreaLevel } from '@sozialatlas/db';
import type Decimal from 'decimal.js';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal';
import { DecayKind, DemandMode, EarlyWarningRuleKind, GapSupplyMeasure, MarginUnit, NeedIndexPresetEnum } from './analysis.type';

export const DEFAULT_NEED_INDICATOR_TEXT =
  'Default: unemployment_rate, sgb2_rate, sgb2_child_share and sgb2_single_parent_per_1000, weight 1 each. ' +
  'The single-parent measure is derived: SGB-II single-parent households (Alleinerziehenden-Bedarfsgemeinschaften) per 1,000 residents ' +
  '(1000 · sgb2_single_parent_households / population, same year). It is a prevalence that is comparable across areas of any size; ' +
  'the stored count is not (it grows with the area), and the share of single parents among SGB-II households is noise in areas with ' +
  'few households (e.g. 4 of 14) and describes composition, not need.';

@InputType({ description: 'An indicator of the need index with its weight (Indikator und Gewicht).' })
export class NeedIndicatorInput {
  @Field({
    description:
      'Indicator key with polarity HIGHER_IS_WORSE or HIGHER_IS_BETTER, e.g. "sgb2_rate"; or the derived "sgb2_single_parent_per_1000".',
  })
  key!: string;

  @Field(() => Float, { defaultValue: 1, description: 'Weight w > 0 (Gewicht); default 1.' })
  weight!: number;
}

@InputType({ description: 'Status cut-offs on S* (Schwellen der Statusgruppen); must satisfy high ≤ low ≤ veryLow.' })
export class StatusCutoffsInput {
  @Field(() => Float, { defaultValue: -1, description: 'S* below this → status HIGH (low need); default −1.0.' })
  high!: number;

  @Field(() => Float, { defaultValue: 1, description: 'S* above this → status LOW (high need); default +1.0.' })
  low!: number;

  @Field(() => Float, { defaultValue: 1.5, description: 'S* above this → status VERY_LOW (very high need); default +1.5.' })
  veryLow!: number;
}

@ArgsType()
export class NeedIndexArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT (Ortsteil).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year t of the status (Jahr). SGB II and unemployment data of Leipzig end in 2022.' })
  year!: number;

  @Field(() => [NeedIndicatorInput], { nullable: true, description: `Indicators and weights. ${DEFAULT_NEED_INDICATOR_TEXT}` })
  indicators?: NeedIndicatorInput[];

  @Field(() => Int, { defaultValue: 2, description: 'Span s in years for the dynamics (Spanne); default 2.' })
  span!: number;

  @Field(() => Int, { defaultValue: 300, description: 'Areas with fewer residents (indicator population of year t) are excluded; default 300.' })
  minPopulation!: number;

  @Field(() => StatusCutoffsInput, { nullable: true, description: 'Status cut-offs; default the preset’s (MSS 2021: −1.0 / +1.0 / +1.5).' })
  statusCutoffs?: StatusCutoffsInput;

  @Field(() => Float, { nullable: true, description: 'Dynamics cut-off on |D*| (Dynamikschwelle); default the preset’s (MSS 2021: 1.0).' })
  dynamicsCutoff?: number | null;

  @Field(() => NeedIndexPresetEnum, {
    defaultValue: NeedIndexPresetEnum.MSS_2021,
    description: 'Method preset (Verfahren) supplying the cut-offs not given here; default MSS_2021.',
  })
  preset!: NeedIndexPresetEnum;
}

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
}

@ArgsType()
export class CoverageArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT.' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year of the target population (Jahr); services are the current ACTIVE, published ones.' })
  year!: number;

  @Field(() => [String], { nullable: true, description: 'Service category keys; default: all categories with a norm.' })
  categoryKeys?: string[];
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
}

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
}

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
}

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
