import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AnalysisCategory, AnalysisMethod, AnalysisMissingReason } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';
import type { CityRow } from '../../cities/city.sql';

@ObjectType({ description: 'Parameters of a coverage computation (Parameter).' })
export class CoverageParameters {
  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year of the target population (Jahr). Services: current ACTIVE, published ones.' })
  year!: number;

  @Field(() => [AnalysisCategory], { description: 'Categories with their norms.' })
  categories!: AnalysisCategory[];
}

@ObjectType('CoverageRow', { description: 'Coverage of one area for one service category (Versorgung).' })
export class CoverageRowType {
  areaId!: AreaId;

  @Field({ description: 'Category key (Angebotsart).' })
  category!: string;

  @Field(() => Int, { description: 'Active, published services located in the area (Anzahl Angebote).' })
  services!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'C: sum of known capacities (Kapazität); null when the area has services but none with a recorded capacity (unknown, not 0).',
  })
  capacity!: number | null;

  @Field({ description: 'False when services exist but no capacity is recorded for any of them (Kapazität unbekannt).' })
  capacityKnown!: boolean;

  @Field({ description: 'True when every service has a capacity; otherwise C is a lower bound and the gap an upper bound (vollständig).' })
  capacityComplete!: boolean;

  @Field(() => Int, { description: 'Services counted without capacity (ohne Kapazitätsangabe).' })
  servicesWithoutCapacity!: number;

  @Field(() => Float, { nullable: true, description: 'P: target population in the year (Zielgruppe); null if missing or suppressed.' })
  targetPopulation!: number | null;

  @Field({ description: 'Indicator estimating the target population (Zielgruppenindikator).' })
  targetIndicatorKey!: string;

  @Field({ description: 'How the target population is estimated (Näherung), from the category’s norm.' })
  targetDescription!: string;

  @Field(() => Float, { nullable: true, description: 'q = 1000·C / P: capacity per 1,000 of the target group (Versorgungsquote).' })
  ratioPer1000!: number | null;

  @Field(() => Float, { nullable: true, description: '1000 · services / P: services per 1,000 of the target group (Angebote je 1.000).' })
  servicesPer1000!: number | null;

  @Field(() => Float, { nullable: true, description: 'N: norm per 1,000 (Richtwert).' })
  norm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Req = N·P / 1000: required capacity (Sollkapazität).' })
  required!: number | null;

  @Field(() => Float, { nullable: true, description: 'Req − C, positive = shortfall in capacity units (Lücke).' })
  gap!: number | null;

  @Field(() => Float, { nullable: true, description: '100·C / Req: coverage in % of the norm (Deckungsgrad).' })
  coveragePercent!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the target-based figures are null.' })
  reason!: AnalysisMissingReason | null;

  @Field({ description: 'Where the norm comes from (Herkunft des Richtwerts).' })
  normOrigin!: string;
}

@ObjectType('CoverageResult', { description: 'Coverage (Versorgung) per area and service category, container method.' })
export class CoverageResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => CoverageParameters, { description: 'Parameters (Parameter).' })
  parameters!: CoverageParameters;

  @Field(() => [CoverageRowType], { description: 'One row per area × category (ordered by area key, then category).' })
  rows!: CoverageRowType[];

  @Field(() => [Int], { description: 'Services whose location lies in no area (not counted; ohne Gebiet).' })
  unassignedServiceIds!: number[];

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
