import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AnalysisMethod, AnalysisMissingReason, CapacityMode, DecayKind, DemandMode } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';
import type { CityRow } from '../../cities/city.sql';

@ObjectType('CatchmentZone', { description: 'A distance zone of E2SFCA (Distanzzone).' })
export class ZoneType {
  @Field(() => Float, { description: 'Upper bound d_r in metres, inclusive (Zonengrenze).' })
  maxDistance!: number;

  @Field(() => Float, { description: 'Weight W_r (Gewicht).' })
  weight!: number;
}

@ObjectType({ description: 'Parameters of an accessibility computation (Parameter).' })
export class AccessibilityParameters {
  @Field({ description: 'Category key (Angebotsart).' })
  category!: string;

  @Field(() => Int, { description: 'Year of the target population (Jahr).' })
  year!: number;

  @Field(() => AreaLevel, { description: 'Level results are aggregated to (Ebene).' })
  level!: AreaLevel;

  @Field(() => AreaLevel, { description: 'Level whose population is spread over the demand points (Nachfrageebene).' })
  demandLevel!: AreaLevel;

  @Field(() => DemandMode, { description: 'Demand points: grid or label points.' })
  demand!: DemandMode;

  @Field(() => Int, { nullable: true, description: 'Grid cell size in metres (Rasterweite).' })
  gridSizeM!: number | null;

  @Field(() => [ZoneType], { description: 'Zones and weights (from the category’s norm, else Luo & Qi defaults).' })
  zones!: ZoneType[];

  @Field(() => Float, { description: 'Catchment d_max in metres (Einzugsbereich).' })
  catchment!: number;

  @Field(() => CapacityMode, { description: 'What S_j is: capacity, or 1 per facility when the category has no capacities.' })
  capacityMode!: CapacityMode;

  @Field({ description: 'Indicator estimating the target population (Zielgruppenindikator).' })
  targetIndicatorKey!: string;

  @Field({ description: 'How the target population is estimated (Näherung).' })
  targetDescription!: string;

  @Field({ description: 'Distance used: straight-line great-circle metres (Luftlinie).' })
  distance!: string;

  @Field(() => Float, { description: 'Detour factor (Umwegfaktor): costs are straight-line metres × this factor; default 1.2.' })
  detourFactor!: number;

  @Field(() => DecayKind, { description: 'Distance decay (Distanzgewichtung).' })
  decay!: DecayKind;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: exponent β.' })
  beta!: number | null;

  @Field(() => Float, { nullable: true, description: 'GRAVITY: distance in metres up to which the weight is 1.' })
  minDistance!: number | null;
}

@ObjectType({ description: 'E2SFCA accessibility of one area, population-weighted over its demand points (Erreichbarkeit).' })
export class AccessibilityArea {
  areaId!: AreaId;

  @Field(() => Float, { nullable: true, description: 'Target population of the demand points (Zielgruppe).' })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'A_a in capacity units per person (Erreichbarkeit).' })
  accessibility!: number | null;

  @Field(() => Float, { nullable: true, description: 'A_a × 1,000: capacity units per 1,000 of the target group.' })
  accessibilityPer1000!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the value is null.' })
  reason!: AnalysisMissingReason | null;

  @Field(() => Int, { description: 'Demand points in the area (Nachfragepunkte).' })
  demandPoints!: number;
}

@ObjectType({ description: 'A demand point with its accessibility (Nachfragepunkt).' })
export class AccessibilityPoint {
  areaId!: AreaId;

  @Field(() => Float, { description: 'Longitude (Längengrad), WGS 84.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude (Breitengrad), WGS 84.' })
  lat!: number;

  @Field(() => Float, { nullable: true, description: 'D_i: target population placed at the point (Nachfrage).' })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'A_i × 1,000 (Erreichbarkeit je 1.000).' })
  accessibilityPer1000!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the value is null.' })
  reason!: AnalysisMissingReason | null;

  @Field(() => Int, { description: 'Services within the catchment (Angebote in Reichweite).' })
  suppliesInReach!: number;
}

@ObjectType({ description: 'A service as supply in E2SFCA (Angebot).' })
export class AccessibilitySupply {
  @Field(() => Int, { description: 'Service id.' })
  serviceId!: number;

  @Field({ description: 'Service name (Name).' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'S_j used (capacity, or 1 per facility).' })
  capacity!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ D_k·W(d_kj): distance-weighted demand in the catchment (gewichtete Nachfrage).' })
  weightedDemand!: number | null;

  @Field(() => Float, { nullable: true, description: 'R_j = S_j / weighted demand, per person (Angebots-Nachfrage-Verhältnis).' })
  ratio!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the ratio is null.' })
  ratioReason!: AnalysisMissingReason | null;

  @Field(() => Int, { description: 'Demand points in the catchment.' })
  demandPointsInReach!: number;
}

@ObjectType('AccessibilityResult', { description: 'Spatial accessibility by E2SFCA (Luo & Qi 2009) for one service category (Erreichbarkeit).' })
export class AccessibilityResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => AccessibilityParameters, { description: 'Parameters (Parameter).' })
  parameters!: AccessibilityParameters;

  @Field(() => [AccessibilityArea], { description: 'Per area of the level, ordered by official key.' })
  areas!: AccessibilityArea[];

  @Field(() => [AccessibilityPoint], { nullable: true, description: 'Per demand point; only when `points: true`.' })
  points!: AccessibilityPoint[] | null;

  @Field(() => [AccessibilitySupply], { description: 'Per counted service: its ratio R_j.' })
  supplies!: AccessibilitySupply[];

  @Field(() => [Int], { description: 'Services not counted: no capacity recorded, or no location point (nicht berücksichtigt).' })
  servicesNotCounted!: number[];

  @Field(() => [Int], { description: 'Services with no demand in reach: no ratio, contribute nothing.' })
  suppliesWithoutDemand!: number[];

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
