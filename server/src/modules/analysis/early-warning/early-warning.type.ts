import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EARLY_WARNING_RULE_KINDS, MARGIN_UNITS, type EarlyWarningRuleKind as PureRuleKind, type MarginUnit as PureMarginUnit } from '../../../analysis';
import { enumFrom } from '../../common/enum';
import { AnalysisMethod, AnalysisMissingReason } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';
import type { CityRow } from '../../cities/city.sql';

export const EarlyWarningRuleKind = EARLY_WARNING_RULE_KINDS;
export type EarlyWarningRuleKind = PureRuleKind;
registerEnumType(EarlyWarningRuleKind, {
  name: 'EarlyWarningRuleKind',
  description: 'Kind of an early-warning rule (Regelart); σ = +1 if higher is worse, −1 if higher is better.',
  valuesConfig: {
    THRESHOLD: { description: 'Schwellenwert: σ·(x(t) − threshold) > 0.' },
    WORSE_THAN_CITY: { description: 'Ungünstiger als die Stadt: σ·(x(t) − city(t)) > margin (units or % of the city value).' },
    WORSENING_STREAK: { description: 'Verschlechterung in Folge: worse than the year before in each of `years` consecutive years.' },
    FASTER_THAN_CITY: { description: 'Schneller als die Stadt: σ·(change over `span` years − city change) > margin.' },
  },
});

export const MarginUnit = enumFrom(MARGIN_UNITS);
export type MarginUnit = PureMarginUnit;
registerEnumType(MarginUnit, {
  name: 'MarginUnit',
  description: 'Unit of the margin of a city rule (Toleranzeinheit).',
  valuesConfig: {
    UNITS: { description: 'In the indicator’s unit (percentage points for % indicators).' },
    PERCENT_OF_CITY: { description: 'WORSE_THAN_CITY: in percent of the city value.' },
    SD_OF_AREAS: { description: 'FASTER_THAN_CITY: in standard deviations of all areas’ changes over the span (Streuung der Gebiete).' },
  },
});

@ObjectType('EarlyWarningRule', { description: 'An early-warning rule with its parameters (Regel).' })
export class EarlyWarningRuleType {
  @Field(() => EarlyWarningRuleKind, { description: 'Kind of rule (Regelart).' })
  kind!: EarlyWarningRuleKind;

  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => Float, { nullable: true, description: 'THRESHOLD: the threshold T (Schwellenwert).' })
  threshold!: number | null;

  @Field(() => Float, { nullable: true, description: 'WORSE_THAN_CITY / FASTER_THAN_CITY: margin m (Toleranz).' })
  margin!: number | null;

  @Field(() => MarginUnit, { nullable: true, description: 'WORSE_THAN_CITY: unit of the margin.' })
  marginUnit!: MarginUnit | null;

  @Field(() => Int, { nullable: true, description: 'WORSENING_STREAK: consecutive years N (Jahre in Folge).' })
  years!: number | null;

  @Field(() => Int, { nullable: true, description: 'FASTER_THAN_CITY: span s in years (Spanne).' })
  span!: number | null;
}

@ObjectType({ description: 'Parameters of the early warning (Parameter).' })
export class EarlyWarningParameters {
  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year t of the alerts (Jahr).' })
  year!: number;

  @Field(() => [EarlyWarningRuleType], { description: 'Rules evaluated (Regeln).' })
  rules!: EarlyWarningRuleType[];
}

@ObjectType({ description: 'An alert with its evidence (Warnung).' })
export class EarlyWarningAlert {
  areaId!: AreaId;

  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => EarlyWarningRuleType, { description: 'The rule that fired (Regel).' })
  rule!: EarlyWarningRuleType;

  @Field(() => Int, { description: 'Year t.' })
  year!: number;

  @Field(() => [Int], { description: 'Years of the evidence, oldest first (Jahre).' })
  years!: number[];

  @Field(() => [Float], { description: 'Area values in those years (Werte).' })
  values!: number[];

  @Field(() => [Float], { nullable: true, description: 'City values in those years (city rules only; Stadtwerte).' })
  cityValues!: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'THRESHOLD: true when the previous year was not yet beyond (erstmals).' })
  newlyCrossed!: boolean | null;

  @Field(() => Float, { description: 'How far the signal goes beyond margin and rounding, in the indicator’s unit (Überschreitung).' })
  excess!: number;

  @Field(() => String, { nullable: true, description: 'Why a development alert in an area with dynamics "positiv" is no contradiction (German).' })
  dynamicsNoteDe!: string | null;

  @Field(() => String, { nullable: true, description: 'The same in English.' })
  dynamicsNoteEn!: string | null;

  @Field({ description: 'German message (Meldung).' })
  message!: string;

  @Field({ description: 'The same message in English, numbers written the English way (the indicator’s English name where the catalogue has one).' })
  messageEn!: string;
}

@ObjectType({ description: 'Rounding step of the published values of an indicator (Rundung der Quelle).' })
export class EarlyWarningPrecision {
  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => Float, { description: 'Rounding step of the area values, e.g. 1 for whole percent; 0 = unrounded.' })
  areaResolution!: number;

  @Field(() => Float, { description: 'Rounding step of the city values.' })
  cityResolution!: number;
}

@ObjectType({ description: 'A rule that could not be evaluated for an area (nicht auswertbar) — never counted as "no alert".' })
export class EarlyWarningNotEvaluated {
  areaId!: AreaId;

  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => EarlyWarningRuleType, { description: 'The rule.' })
  rule!: EarlyWarningRuleType;

  @Field(() => AnalysisMissingReason, { description: 'Why (Grund).' })
  reason!: AnalysisMissingReason;

  @Field({ description: 'Which value was missing, e.g. "Gebiet 2022" or "Stadt 2019".' })
  detail!: string;
}

@ObjectType('EarlyWarningResult', { description: 'Early warning (Frühwarnsystem): alerts per area and indicator with evidence.' })
export class EarlyWarningResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => EarlyWarningParameters, { description: 'Parameters (Parameter).' })
  parameters!: EarlyWarningParameters;

  @Field(() => [EarlyWarningAlert], { description: 'Alerts (Warnungen), ordered by area key.' })
  alerts!: EarlyWarningAlert[];

  @Field(() => [EarlyWarningNotEvaluated], { description: 'Rules not evaluable for lack of values.' })
  notEvaluated!: EarlyWarningNotEvaluated[];

  @Field(() => [EarlyWarningPrecision], { description: 'Rounding steps derived from the data (a change within them is no signal).' })
  precision!: EarlyWarningPrecision[];

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
