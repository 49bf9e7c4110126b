import type { CityRow } from '../../cities/city.sql';
import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../scalars/decimal';
import { AnalysisMethod, AnalysisMissingReason, AnalysisNote } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';

@ObjectType({ description: 'A consumer price index value (Verbraucherpreisindex).' })
export class PriceIndexPoint {
  @Field(() => Int, { description: 'Year (Jahr).' })
  year!: number;

  @Field(() => Float, { description: 'VPI (Destatis, 2020 = 100).' })
  index!: number;
}

@ObjectType({ description: 'Parameters of the funding analysis (Parameter).' })
export class MoneyParameters {
  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'First year (von).' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year (bis).' })
  toYear!: number;

  @Field(() => Int, { description: 'Real amounts are in prices of this year (Preisbasisjahr).' })
  priceBaseYear!: number;

  @Field(() => Int, { description: 'Span of the change = toYear − fromYear (Spanne).' })
  span!: number;

  @Field(() => Float, { description: 'Tolerance in % for "nominal unchanged" (Toleranz).' })
  tolerancePercent!: number;

  @Field(() => [String], { nullable: true, description: 'Only services of these categories; null = all.' })
  categoryKeys!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Indicator for "per target person"; null when the categories have different target groups.' })
  targetIndicatorKey!: string | null;

  @Field(() => Int, { description: 'Year of funding and need index compared in the correlation (Bedarfsjahr).' })
  needYear!: number;

  @Field(() => [PriceIndexPoint], { description: 'Price index used.' })
  priceIndex!: PriceIndexPoint[];
}

@ObjectType({ description: 'Funding allocated to one area in one year (Förderung je Gebiet und Jahr).' })
export class MoneyAreaYear {
  areaId!: AreaId;

  @Field(() => Int, { description: 'Year (Jahr).' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Nominal EUR (nominal).' })
  nominal!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'EUR in prices of the base year (real); null without price index.' })
  real!: string | null;

  @Field(() => Float, { nullable: true, description: 'Residents (Einwohner).' })
  residents!: number | null;

  @Field(() => Float, { nullable: true, description: 'Nominal EUR per resident (je Einwohner/in).' })
  nominalPerResident!: number | null;

  @Field(() => Float, { nullable: true, description: 'Real EUR per resident.' })
  realPerResident!: number | null;

  @Field(() => Float, { nullable: true, description: 'Target population (Zielgruppe).' })
  targetPopulation!: number | null;

  @Field(() => Float, { nullable: true, description: 'Nominal EUR per person of the target group (je Person der Zielgruppe).' })
  nominalPerTargetPerson!: number | null;

  @Field(() => Float, { nullable: true, description: 'Real EUR per person of the target group.' })
  realPerTargetPerson!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why per-head figures are null.' })
  reason!: AnalysisMissingReason | null;
}

@ObjectType({ description: 'Change of an area’s funding over the span (Veränderung).' })
export class MoneyChange {
  areaId!: AreaId;

  @Field(() => Int, { description: 'From year.' })
  fromYear!: number;

  @Field(() => Int, { description: 'To year.' })
  toYear!: number;

  @Field(() => Float, { nullable: true, description: 'Nominal change in % (nominal).' })
  nominalChangePercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Real change in % (real).' })
  realChangePercent!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '"Dynamisierung fehlt": nominal about unchanged (|Δ| ≤ tolerance) while the real value fell.',
  })
  dynamisierungFehlt!: boolean | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the change is null.' })
  reason!: AnalysisMissingReason | null;
}

@ObjectType({ description: 'Funding not allocated to an area (no located area) in a year (nicht zugeordnet).' })
export class MoneyUnallocated {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'EUR.' })
  amount!: string;

  @Field(() => [Int], { description: 'Services concerned.' })
  serviceIds!: number[];
}

@ObjectType({ description: 'Does money follow need? Spearman rank correlation (Rangkorrelation).' })
export class NeedCorrelation {
  @Field(() => Float, { nullable: true, description: 'ρ between nominal funding per resident and need-index S*; null if undefined.' })
  rho!: number | null;

  @Field(() => Int, { description: 'Areas with both values (n).' })
  n!: number;

  @Field(() => AnalysisNote, { nullable: true, description: 'Note for small or degenerate samples (Hinweis).' })
  note!: AnalysisNote | null;

  @Field(() => Int, { description: 'Year compared.' })
  year!: number;
}

@ObjectType('MoneyFlowResult', { description: 'Funding per area (Förderung je Gebiet), nominal and real, and whether money follows need.' })
export class MoneyResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => MoneyParameters, { description: 'Parameters (Parameter).' })
  parameters!: MoneyParameters;

  @Field(() => [MoneyAreaYear], { description: 'Per area and year.' })
  byAreaYear!: MoneyAreaYear[];

  @Field(() => [MoneyChange], { description: 'Per area: change from fromYear to toYear.' })
  changes!: MoneyChange[];

  @Field(() => [MoneyUnallocated], { description: 'Money of services without a located area, per year.' })
  unallocated!: MoneyUnallocated[];

  @Field(() => NeedCorrelation, { nullable: true, description: 'Spearman ρ of funding per resident vs need (S*).' })
  needCorrelation!: NeedCorrelation | null;

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
