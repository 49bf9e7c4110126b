import type { CityRow } from '../../cities/city.sql';
import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../scalars/decimal';
import { ZoneType } from '../accessibility/accessibility.type';
import { AnalysisMethod, AnalysisMissingReason, CapacityMode, GapClassEnum } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';

@ObjectType({ description: 'Coverage, accessibility and gap of one area in a scenario state (Zustand).' })
export class ScenarioState {
  @Field(() => Int, { description: 'Services located in the area (Angebote).' })
  services!: number;

  @Field(() => Float, { nullable: true, description: 'Capacity located in the area (Kapazität); null if unknown.' })
  capacity!: number | null;

  @Field(() => Float, { nullable: true, description: 'Coverage: capacity per 1,000 of the target group.' })
  ratioPer1000!: number | null;

  @Field(() => Float, { nullable: true, description: 'Coverage gap to the norm in capacity units (Lücke).' })
  coverageGap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Coverage in % of the norm.' })
  coveragePercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'E2SFCA accessibility per 1,000 (Erreichbarkeit).' })
  accessibilityPer1000!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why accessibility is null.' })
  accessibilityReason!: AnalysisMissingReason | null;

  @Field(() => Float, { nullable: true, description: 'Gap score g.' })
  gapScore!: number | null;

  @Field(() => GapClassEnum, { nullable: true, description: 'Gap class (Lückenklasse).' })
  gapClass!: GapClassEnum | null;

  @Field(() => Float, { nullable: true, description: 'Places missing against the norm in capacity units (fehlende Plätze).' })
  missingPlaces!: number | null;
}

@ObjectType({ description: 'A gap class change (Klassenwechsel).' })
export class GapClassChange {
  @Field(() => GapClassEnum, { nullable: true, description: 'Before (vorher).' })
  from!: GapClassEnum | null;

  @Field(() => GapClassEnum, { nullable: true, description: 'After (nachher).' })
  to!: GapClassEnum | null;
}

@ObjectType('ScenarioArea', { description: 'An area whose figures change in the scenario (betroffenes Gebiet).' })
export class ScenarioAreaType {
  areaId!: AreaId;

  @Field(() => ScenarioState, { description: 'Before (vorher).' })
  before!: ScenarioState;

  @Field(() => ScenarioState, { description: 'After (nachher).' })
  after!: ScenarioState;

  @Field(() => [String], { description: 'Names of the figures that changed, e.g. ["capacity", "accessibility", "gapClass"].' })
  changed!: string[];

  @Field(() => GapClassChange, { nullable: true, description: 'The gap class before and after, when it changes (Klassenwechsel).' })
  gapClassChange!: GapClassChange | null;

  @Field(() => String, { nullable: true, description: 'What the change does to the gap, in German (Zusammenfassung).' })
  summaryDe!: string | null;

  @Field(() => String, { nullable: true, description: 'The same in English.' })
  summaryEn!: string | null;
}

@ObjectType({ description: 'A service added in a scenario, with the area found for its point (neues Angebot).' })
export class ScenarioAddedService {
  @Field(() => String, { description: 'Scenario id, e.g. "new-1".' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Name given.' })
  name!: string | null;

  @Field(() => Float, { description: 'Longitude.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude.' })
  lat!: number;

  @Field(() => Float, { description: 'Capacity (Kapazität).' })
  capacity!: number;

  @Field(() => Int, { description: 'Id of the area (at the level) covering the point (ST_Covers).' })
  areaId!: AreaId;
}

@ObjectType({ description: 'A funding change applied in a scenario (Förderänderung).' })
export class ScenarioFundingChange {
  @Field(() => Int, { description: 'Service id.' })
  serviceId!: number;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'New amount in EUR.' })
  amount!: string;
}

@ObjectType({ description: 'Parameters of a scenario (Parameter).' })
export class ScenarioParameters {
  @Field({ description: 'Category key (Angebotsart).' })
  category!: string;

  @Field(() => Int, { description: 'Year of the target population (Jahr).' })
  year!: number;

  @Field(() => Int, { description: 'Year of the need index used for the gap (Bedarfsjahr).' })
  needYear!: number;

  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field(() => [ZoneType], { description: 'E2SFCA zones.' })
  zones!: ZoneType[];

  @Field(() => CapacityMode, { description: 'What S_j is in E2SFCA.' })
  capacityMode!: CapacityMode;

  @Field(() => Int, { description: 'Grid cell size of the demand points in metres.' })
  gridSizeM!: number;

  @Field(() => [ScenarioAddedService], { description: 'Services added (neue Angebote).' })
  addedServices!: ScenarioAddedService[];

  @Field(() => [Int], { description: 'Services closed (geschlossene Angebote).' })
  closedServiceIds!: number[];

  @Field(() => [ScenarioFundingChange], { description: 'Funding changes (Förderänderungen).' })
  fundingChanges!: ScenarioFundingChange[];
}

@ObjectType({ description: 'Nominal funding of an area in a year before and after the scenario.' })
export class ScenarioMoney {
  areaId!: AreaId;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'EUR before (vorher).' })
  before!: string;

  @Field(() => DecimalScalar, { description: 'EUR after (nachher).' })
  after!: string;
}

@ObjectType('ScenarioResult', { description: 'What-if scenario (Szenario): before/after figures of the affected areas; nothing is stored.' })
export class ScenarioResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => ScenarioParameters, { description: 'Parameters (Parameter).' })
  parameters!: ScenarioParameters;

  @Field(() => [ScenarioAreaType], { description: 'Areas whose figures changed.' })
  areas!: ScenarioAreaType[];

  @Field(() => [ScenarioMoney], { nullable: true, description: 'Funding per area and year that changed; null without funding changes.' })
  money!: ScenarioMoney[] | null;

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
