import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AnalysisClassName, AnalysisMethod, AnalysisMissingReason, DecayKind, GapClassEnum } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';
import { GAP_SUPPLY_MEASURES, type GapSupplyMeasure as PureGapSupplyMeasure } from '../../../analysis';
import { enumFrom } from '../../common/enum';
import type { CityRow } from '../../cities/city.sql';

export const GapSupplyMeasure = enumFrom(GAP_SUPPLY_MEASURES);
export type GapSupplyMeasure = PureGapSupplyMeasure;
registerEnumType(GapSupplyMeasure, {
  name: 'GapSupplyMeasure',
  description: 'Which supply measure V the gap analysis uses (Versorgungsmaß).',
  valuesConfig: {
    ACCESSIBILITY: { description: 'E2SFCA accessibility per 1,000 of the target group (counts supply across borders).' },
    COVERAGE: { description: 'Coverage ratio: capacity located in the area per 1,000 of the target group (container method).' },
  },
});

@ObjectType({ description: 'Parameters of a gap computation (Parameter).' })
export class GapParameters {
  @Field({ description: 'Category key (Angebotsart).' })
  category!: string;

  @Field(() => Int, { description: 'Year of supply and target population (Jahr).' })
  year!: number;

  @Field(() => Int, { description: 'Year of the need index (Jahr des Bedarfsindex).' })
  needYear!: number;

  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field({ description: 'Need measure N: "statusZ" of the need index with its default indicators.' })
  needMeasure!: string;

  @Field({ description: 'Supply measure V, e.g. "e2sfcaPer1000" or "coverageRatioPer1000".' })
  supplyMeasure!: string;

  @Field(() => Int, { description: 'Areas with both values (Anzahl).' })
  n!: number;

  @Field(() => [Float], { nullable: true, description: 'Q1, median, Q3 of N (type 7).' })
  needQuartiles!: number[] | null;

  @Field(() => [Float], { nullable: true, description: 'Q1, median, Q3 of V (type 7).' })
  supplyQuartiles!: number[] | null;

  @Field(() => [Float], { description: 'Lower bounds of MODERATE, HIGH, CRITICAL on the gap score g (exclusive): 0, 1, 2.' })
  classCutoffs!: number[];

  @Field(() => Float, { description: 'Detour factor of the distances (Umwegfaktor): network ≈ straight line × factor.' })
  detourFactor!: number;

  @Field(() => DecayKind, { description: 'Distance decay of the accessibility (Distanzgewichtung).' })
  decay!: DecayKind;
}

@ObjectType('GapRow', { description: 'Gap of one area (Versorgungslücke).' })
export class GapRowType {
  areaId!: AreaId;

  @Field(() => Float, { nullable: true, description: 'N: need (S* of the need index).' })
  need!: number | null;

  @Field(() => Float, { nullable: true, description: 'V: supply measure.' })
  supply!: number | null;

  @Field(() => Float, { nullable: true, description: 'z(N).' })
  needZ!: number | null;

  @Field(() => Float, { nullable: true, description: 'z(V).' })
  supplyZ!: number | null;

  @Field(() => Float, { nullable: true, description: 'g = z(N) − z(V), higher = bigger gap (Lückenwert).' })
  score!: number | null;

  @Field(() => GapClassEnum, { nullable: true, description: 'Gap class (Lückenklasse).' })
  gapClass!: GapClassEnum | null;

  @Field(() => String, { nullable: true, description: 'German label of the class.' })
  gapLabelDe!: string | null;

  @Field(() => String, { nullable: true, description: 'English label of the class.' })
  gapLabelEn!: string | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the class is null.' })
  reason!: AnalysisMissingReason | null;

  @Field(() => Float, { nullable: true, description: 'Planning norm, capacity units per 1,000 of the target group (Richtwert).' })
  norm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Supply per 1,000 of the target group in the norm’s terms (E2SFCA: within reach).' })
  supplyPer1000!: number | null;

  @Field(() => Float, { nullable: true, description: 'max(0, norm − supplyPer1000): places missing per 1,000 of the target group (fehlende Plätze je 1.000).' })
  missingPer1000!: number | null;

  @Field(() => Float, { nullable: true, description: 'missingPer1000 · target population / 1,000: places missing against the norm (fehlende Plätze).' })
  missingPlaces!: number | null;

  @Field(() => Float, { nullable: true, description: 'Persons of the target group with no service of the category within reach (ohne Angebot in Reichweite).' })
  withoutServiceInReach!: number | null;

  @Field(() => String, { nullable: true, description: 'The gap in planner terms, German (e.g. "Es fehlen rund 1,2 Plätze je 1.000 Einwohner …").' })
  statementDe!: string | null;

  @Field(() => String, { nullable: true, description: 'The same in English.' })
  statementEn!: string | null;
}

@ObjectType('GapResult', { description: 'Gaps (Versorgungslücken): where need is high and supply low; the map’s headline layer.' })
export class GapResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => GapParameters, { description: 'Parameters (Parameter).' })
  parameters!: GapParameters;

  @Field(() => [GapRowType], { description: 'Per area, ordered by official key.' })
  rows!: GapRowType[];

  @Field(() => [AnalysisClassName], { description: 'Names of all gap classes, no gap → critical, also of classes no area falls into (Legende).' })
  classes!: AnalysisClassName[];

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
