import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CAPACITY_MODES,
  DECAY_KINDS,
  DEMAND_MODES,
  GAP_CLASSES,
  MISSING_REASONS,
  type CapacityMode as PureCapacityMode,
  type DecayKind as PureDecayKind,
  type DemandMode as PureDemandMode,
  type GapClass,
  type MissingReason,
} from '../../analysis';
import { enumFrom } from '../common/enum';

// GraphQL types shared by the planning analyses: missing reasons, gap classes, demand/capacity/decay modes
// and the method/note/statistics types every result carries. Each analysis has its own folder beside this file.

export const AnalysisMissingReason = enumFrom(MISSING_REASONS);
export type AnalysisMissingReason = MissingReason;
registerEnumType(AnalysisMissingReason, {
  name: 'AnalysisMissingReason',
  description: 'Why a computed figure is null (Grund für fehlenden Wert). A null is never silently turned into 0.',
  valuesConfig: {
    MISSING: { description: 'No value in the data (kein Wert).' },
    SUPPRESSED: { description: 'An input value is withheld for statistical confidentiality (Geheimhaltung).' },
    BELOW_MIN_POPULATION: { description: 'Fewer residents than the minimum population (zu wenige Einwohner).' },
    POPULATION_MISSING: { description: 'The resident count is unknown (Einwohnerzahl fehlt).' },
    INDICATOR_MISSING: { description: 'An indicator of the index has no value (Indikatorwert fehlt).' },
    TARGET_POPULATION_MISSING: { description: 'The target population is unknown (Zielgruppe fehlt).' },
    TARGET_POPULATION_ZERO: { description: 'The target population is 0 (Zielgruppe ist 0).' },
    NO_DEMAND: { description: 'No demand in reach or in the area (keine Nachfrage).' },
    DEMAND_UNKNOWN: { description: 'Demand in reach is unknown, e.g. suppressed (Nachfrage unbekannt).' },
    CAPACITY_UNKNOWN: { description: 'The capacity of the services is not recorded (Kapazität unbekannt).' },
    NO_BASE_VALUE: { description: 'No value (or 0) in the base year of a change (kein Basiswert).' },
    NOT_IN_INDEX: { description: 'The area is excluded from the index (nicht im Index).' },
  },
});

export const GapClassEnum = enumFrom(GAP_CLASSES);
export type GapClassEnum = GapClass;
registerEnumType(GapClassEnum, {
  name: 'GapClass',
  description: 'Gap class (Lückenklasse), cut on the gap score g = z(N) − z(V) alone, so a higher score never gets a milder class.',
  valuesConfig: {
    CRITICAL: { description: 'kritisch: g > 2 (e.g. need one SD above and supply one SD below the mean).' },
    HIGH: { description: 'hoch: 1 < g ≤ 2.' },
    MODERATE: { description: 'mäßig: 0 < g ≤ 1 (need relatively higher than supply).' },
    NONE: { description: 'keine Lücke: g ≤ 0.' },
  },
});

export const DemandMode = enumFrom(DEMAND_MODES);
export type DemandMode = PureDemandMode;
registerEnumType(DemandMode, {
  name: 'DemandMode',
  description: 'Where the demand of an area is placed for E2SFCA (Nachfragepunkte).',
  valuesConfig: {
    GRID: { description: 'Regular square grid over each district, clipped to it; population spread by area share (Raster).' },
    LABEL_POINTS: { description: 'One point per district, its label point inside the area (Gebietsmittelpunkt); coarse.' },
  },
});

export const CapacityMode = enumFrom(CAPACITY_MODES);
export type CapacityMode = PureCapacityMode;
registerEnumType(CapacityMode, {
  name: 'CapacityMode',
  description: 'What the supply S_j of a service is in E2SFCA (Angebotsmaß).',
  valuesConfig: {
    CAPACITY: { description: 'Recorded capacity (places, hours, contacts); services without capacity are not counted and listed.' },
    FACILITY_COUNT: {
      description: 'No service of the category has a capacity (e.g. day-care centres): every service counts 1, so results are facilities per person.',
    },
  },
});

export const DecayKind = enumFrom(DECAY_KINDS);
export type DecayKind = PureDecayKind;
registerEnumType(DecayKind, {
  name: 'DecayKind',
  description: 'Distance decay of the E2SFCA weights (Distanzgewichtung).',
  valuesConfig: {
    STEP: { description: 'Stepped weights per zone of the category (Luo & Qi 2009); default.' },
    GRAVITY: { description: 'W(d) = (max(d, minDistance)/minDistance)^−beta up to the catchment.' },
    GAUSSIAN: { description: 'Dai (2010): W(d) = (e^(−½(d/d₀)²) − e^(−½)) / (1 − e^(−½)), d₀ = catchment.' },
  },
});

@ObjectType({ description: 'How a figure was computed, in German and English (Methode), for citing next to the result.' })
export class AnalysisMethod {
  @Field({ description: 'German text (Methode).' })
  de!: string;

  @Field({ description: 'English text.' })
  en!: string;
}

@ObjectType({ description: 'A German and English note (Hinweis).' })
export class AnalysisNote {
  @Field({ description: 'German text (Hinweis).' })
  de!: string;

  @Field({ description: 'English text.' })
  en!: string;
}

@ObjectType({ description: 'Mean and population SD of a set of values (Lage und Streuung).' })
export class DistributionStats {
  @Field(() => Int, { description: 'Number of values (Anzahl).' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean (Mittelwert).' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Population standard deviation, divides by n (Standardabweichung).' })
  sd!: number | null;
}

@ObjectType('CoverageNormInfo', { description: 'Coverage norm of a service category (Richtwert) and how its target group is estimated.' })
export class CoverageNormType {
  @Field(() => Float, { description: 'N: capacity units per 1,000 persons of the target group (Richtwert je 1.000).' })
  perThousand!: number;

  @Field({ description: 'Indicator giving the target population (Zielgruppenindikator), e.g. "population".' })
  targetIndicatorKey!: string;

  @Field({ description: 'How the target population is estimated and what the norm means (Zielgruppe, Näherung).' })
  targetDescription!: string;

  @Field({ description: 'Where the norm comes from (Herkunft), e.g. a demo default, not an official norm.' })
  origin!: string;

  @Field(() => [Int], { description: 'E2SFCA zone bounds in metres (Zonengrenzen).' })
  zoneRadiiM!: number[];

  @Field(() => [Float], { description: 'E2SFCA zone weights (Zonengewichte).' })
  zoneWeights!: number[];
}

@ObjectType({ description: 'A service category in an analysis (Angebotsart).' })
export class AnalysisCategory {
  @Field({ description: 'Category key, e.g. "day_care".' })
  key!: string;

  @Field({ description: 'German name (Name).' })
  name!: string;

  @Field(() => CoverageNormType, { nullable: true, description: 'Its coverage norm; null if none is configured.' })
  norm!: CoverageNormType | null;
}

@ObjectType({ description: 'Short name of a class in German and English (Klassenname), for legends and tables.' })
export class AnalysisClassName {
  @Field({ description: 'The class, e.g. "CRITICAL" or "VERY_LOW".' })
  key!: string;

  @Field({ description: 'German name, e.g. "kritisch" or "sehr hoher Bedarf".' })
  de!: string;

  @Field({ description: 'English name.' })
  en!: string;
}
