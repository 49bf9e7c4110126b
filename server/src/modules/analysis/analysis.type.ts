import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal';

// GraphQL output types of the planning analyses. Each result carries `method { de en }` and its
// `parameters`, so a planner can cite how a figure was computed. Rows refer to areas by `areaId`;
// the `area` field is resolved through the per-request area loader (analysis.resolver.ts).

export enum NeedStatusClass {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  VERY_LOW = 'VERY_LOW',
}
registerEnumType(NeedStatusClass, {
  name: 'NeedStatusClass',
  description:
    'Social status class as in Berlin’s Monitoring Soziale Stadtentwicklung (Statusgruppe). It names the SOCIAL STATUS, ' +
    'so it runs opposite to need: HIGH status = least need … VERY_LOW status = most need. Cut on the standardised status index S*.',
  valuesConfig: {
    HIGH: { description: 'Status hoch: S* below the high cut-off (default −1.0) — low need (geringer Bedarf).' },
    MEDIUM: { description: 'Status mittel: S* between the cut-offs (default −1.0 … +1.0) — medium need (mittlerer Bedarf).' },
    LOW: { description: 'Status niedrig: S* above the low cut-off (default +1.0) — high need (hoher Bedarf).' },
    VERY_LOW: { description: 'Status sehr niedrig: S* above the very-low cut-off (default +1.5) — very high need (sehr hoher Bedarf).' },
  },
});

export enum NeedDynamicsClass {
  POSITIVE = 'POSITIVE',
  STABLE = 'STABLE',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(NeedDynamicsClass, {
  name: 'NeedDynamicsClass',
  description: 'Dynamics class (Dynamikgruppe), cut on the standardised dynamics index D* (higher D* = worsening).',
  valuesConfig: {
    POSITIVE: { description: 'Dynamik positiv: D* below −cut-off (default −0.5), the area improves relative to the others.' },
    STABLE: { description: 'Dynamik stabil: |D*| ≤ cut-off (default 0.5).' },
    NEGATIVE: { description: 'Dynamik negativ: D* above the cut-off (default +0.5), the area worsens relative to the others.' },
  },
});

export enum AnalysisMissingReason {
  MISSING = 'MISSING',
  SUPPRESSED = 'SUPPRESSED',
  BELOW_MIN_POPULATION = 'BELOW_MIN_POPULATION',
  POPULATION_MISSING = 'POPULATION_MISSING',
  INDICATOR_MISSING = 'INDICATOR_MISSING',
  TARGET_POPULATION_MISSING = 'TARGET_POPULATION_MISSING',
  TARGET_POPULATION_ZERO = 'TARGET_POPULATION_ZERO',
  NO_DEMAND = 'NO_DEMAND',
  DEMAND_UNKNOWN = 'DEMAND_UNKNOWN',
  CAPACITY_UNKNOWN = 'CAPACITY_UNKNOWN',
  NO_BASE_VALUE = 'NO_BASE_VALUE',
  NOT_IN_INDEX = 'NOT_IN_INDEX',
}
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

export enum GapClassEnum {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MODERATE = 'MODERATE',
  NONE = 'NONE',
}
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

export enum DemandMode {
  GRID = 'GRID',
  LABEL_POINTS = 'LABEL_POINTS',
}
registerEnumType(DemandMode, {
  name: 'DemandMode',
  description: 'Where the demand of an area is placed for E2SFCA (Nachfragepunkte).',
  valuesConfig: {
    GRID: { description: 'Regular square grid over each district, clipped to it; population spread by area share (Raster).' },
    LABEL_POINTS: { description: 'One point per district, its label point inside the area (Gebietsmittelpunkt); coarse.' },
  },
});

export enum CapacityMode {
  CAPACITY = 'CAPACITY',
  FACILITY_COUNT = 'FACILITY_COUNT',
}
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

export enum GapSupplyMeasure {
  ACCESSIBILITY = 'ACCESSIBILITY',
  COVERAGE = 'COVERAGE',
}
registerEnumType(GapSupplyMeasure, {
  name: 'GapSupplyMeasure',
  description: 'Which supply measure V the gap analysis uses (Versorgungsmaß).',
  valuesConfig: {
    ACCESSIBILITY: { description: 'E2SFCA accessibility per 1,000 of the target group (counts supply across borders).' },
    COVERAGE: { description: 'Coverage ratio: capacity located in the area per 1,000 of the target group (container method).' },
  },
});

export enum EarlyWarningRuleKind {
  THRESHOLD = 'THRESHOLD',
  WORSE_THAN_CITY = 'WORSE_THAN_CITY',
  WORSENING_STREAK = 'WORSENING_STREAK',
  FASTER_THAN_CITY = 'FASTER_THAN_CITY',
}
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

export enum MarginUnit {
  UNITS = 'UNITS',
  PERCENT_OF_CITY = 'PERCENT_OF_CITY',
  SD_OF_AREAS = 'SD_OF_AREAS',
}
registerEnumType(MarginUnit, {
  name: 'MarginUnit',
  description: 'Unit of the margin of a city rule (Toleranzeinheit).',
  valuesConfig: {
    UNITS: { description: 'In the indicator’s unit (percentage points for % indicators).' },
    PERCENT_OF_CITY: { description: 'WORSE_THAN_CITY: in percent of the city value.' },
    SD_OF_AREAS: { description: 'FASTER_THAN_CITY: in standard deviations of all areas’ changes over the span (Streuung der Gebiete).' },
  },
});

export enum NeedIndexPresetEnum {
  MSS_2021 = 'MSS_2021',
  SOZIALATLAS_2025 = 'SOZIALATLAS_2025',
}
registerEnumType(NeedIndexPresetEnum, {
  name: 'NeedIndexPreset',
  description: 'Named need-index method with its cut-offs (Verfahren); docs/methods.md lists the sources.',
  valuesConfig: {
    MSS_2021: { description: 'Monitoring Soziale Stadtentwicklung Berlin 2021: status −1.0/+1.0/+1.5, dynamics ±1.0 SD, span 2 (default).' },
    SOZIALATLAS_2025: { description: 'Former Sozialatlas default: status as MSS 2021, dynamics ±0.5 SD; not a published method.' },
  },
});

export enum DecayKind {
  STEP = 'STEP',
  GRAVITY = 'GRAVITY',
  GAUSSIAN = 'GAUSSIAN',
}
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

// ---------------------------------------------------------------------------------------------
// Need index

@ObjectType({ description: 'An indicator used in the need index, with its weight (Indikator im Bedarfsindex).' })
export class NeedIndicatorParameter {
  @Field({ description: 'Indicator key, e.g. "sgb2_rate"; derived measures are marked in `derivedFrom`.' })
  key!: string;

  @Field({ description: 'German name (Name).' })
  name!: string;

  @Field({ description: 'Unit (Einheit), e.g. PERCENT.' })
  unit!: string;

  @Field({ description: 'Polarity (Polarität): HIGHER_IS_WORSE or HIGHER_IS_BETTER.' })
  polarity!: string;

  @Field(() => Float, { description: 'Weight w_i > 0 (Gewicht).' })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'For a derived measure: how it is computed from stored indicators (Berechnung).' })
  derivedFrom!: string | null;
}

@ObjectType('StatusCutoffs', { description: 'Status cut-offs on S* (Schwellen der Statusgruppen).' })
export class StatusCutoffsType {
  @Field(() => Float, { description: 'S* below this → status HIGH (low need).' })
  high!: number;

  @Field(() => Float, { description: 'S* above this → status LOW (high need).' })
  low!: number;

  @Field(() => Float, { description: 'S* above this → status VERY_LOW (very high need).' })
  veryLow!: number;
}

@ObjectType({ description: 'Parameters of a need-index computation (Parameter).' })
export class NeedIndexParameters {
  @Field(() => AreaLevel, { description: 'Area level (Ebene).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year t of the status (Jahr).' })
  year!: number;

  @Field(() => Int, { description: 'Base year t − span of the dynamics (Basisjahr).' })
  baseYear!: number;

  @Field(() => Int, { description: 'Span s in years (Spanne).' })
  span!: number;

  @Field(() => Float, { description: 'Minimum population for inclusion (Mindesteinwohnerzahl); indicator population of year t.' })
  minPopulation!: number;

  @Field(() => StatusCutoffsType, { description: 'Status cut-offs on S*.' })
  statusCutoffs!: StatusCutoffsType;

  @Field(() => Float, { description: 'Dynamics cut-off on |D*| (Dynamikschwelle).' })
  dynamicsCutoff!: number;

  @Field(() => NeedIndexPresetEnum, { description: 'Method preset whose defaults applied (Verfahren).' })
  preset!: NeedIndexPresetEnum;

  @Field({ description: 'Kind of standard deviation: "population" (divides by n).' })
  standardDeviation!: string;

  @Field(() => [NeedIndicatorParameter], { description: 'Indicators and weights (Indikatoren und Gewichte).' })
  indicators!: NeedIndicatorParameter[];
}

@ObjectType({ description: 'Distribution of one indicator over the included areas (Indikatorstatistik).' })
export class NeedIndicatorStats {
  @Field({ description: 'Indicator key.' })
  key!: string;

  @Field(() => Int, { description: 'Included areas (Anzahl Gebiete).' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean x̄_i (Mittelwert).' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Population SD_i (Standardabweichung).' })
  sd!: number | null;

  @Field({ description: 'SD = 0: the indicator does not discriminate; all z = 0 (konstant).' })
  constant!: boolean;

  @Field(() => Int, { description: 'Areas with a change value (Anzahl mit Veränderung).' })
  nChange!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the change (Mittelwert der Veränderung).' })
  changeMean!: number | null;

  @Field(() => Float, { nullable: true, description: 'SD of the change.' })
  changeSd!: number | null;

  @Field({ description: 'The change is constant over the areas.' })
  changeConstant!: boolean;
}

@ObjectType('NeedComponent', { description: 'One indicator’s part in an area’s need index (Komponente), so a planner sees what drives it.' })
export class NeedComponentType {
  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field({ description: 'Polarity (Polarität).' })
  polarity!: string;

  @Field(() => Float, { description: 'Weight w_i (Gewicht).' })
  weight!: number;

  @Field(() => Float, { nullable: true, description: 'x_ia(t) in the indicator’s unit; null if missing or suppressed (Wert).' })
  value!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why `value` is null.' })
  valueReason!: AnalysisMissingReason | null;

  @Field(() => Float, { nullable: true, description: 'x_ia(t − s) (Basiswert).' })
  baseValue!: number | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why `baseValue` is null.' })
  baseValueReason!: AnalysisMissingReason | null;

  @Field(() => Float, { nullable: true, description: 'Δ = x(t) − x(t − s), percentage points for % (Veränderung).' })
  change!: number | null;

  @Field(() => Float, { nullable: true, description: 'z-score of the value, unsigned (z-Wert); null for excluded areas.' })
  z!: number | null;

  @Field(() => Float, { nullable: true, description: 'w·σ·z / Σw: this indicator’s part of S (Beitrag); the parts add up to statusIndex.' })
  contribution!: number | null;

  @Field(() => Float, { nullable: true, description: 'z-score of the change.' })
  changeZ!: number | null;

  @Field(() => Float, { nullable: true, description: 'w·σ·z(Δ) / Σw: this indicator’s part of D (Beitrag zur Dynamik).' })
  changeContribution!: number | null;
}

@ObjectType({ description: 'Combined class of status and dynamics, one of 12 (Gesamtklasse), MSS style.' })
export class CombinedNeedClass {
  @Field({ description: 'Key, e.g. "VERY_LOW_NEGATIVE".' })
  key!: string;

  @Field({ description: 'MSS code: status 1–4 and +, ±, −, e.g. "4 −".' })
  code!: string;

  @Field({ description: 'German label, e.g. "Status sehr niedrig, Dynamik negativ".' })
  de!: string;

  @Field({ description: 'English label.' })
  en!: string;
}

@ObjectType({ description: 'Need index of one area (Bedarfsindex eines Gebiets).' })
export class NeedIndexArea {
  areaId!: number;

  @Field(() => Float, { nullable: true, description: 'Residents in year t used for the minimum-population rule (Einwohner).' })
  population!: number | null;

  @Field({ description: 'True when the area is not in the index (ausgeschlossen); see `reason`.' })
  excluded!: boolean;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the area is excluded (Grund).' })
  reason!: AnalysisMissingReason | null;

  @Field(() => String, { nullable: true, description: 'Detail of the reason, e.g. the missing indicator.' })
  reasonDetail!: string | null;

  @Field(() => Float, { nullable: true, description: 'Status index S_a = Σ contributions, in SD units (Statusindex).' })
  statusIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standardised status index S*; higher = more need. Classified and ranked.' })
  statusZ!: number | null;

  @Field(() => NeedStatusClass, { nullable: true, description: 'Social status class (Statusgruppe): HIGH = least need … VERY_LOW = most need.' })
  statusClass!: NeedStatusClass | null;

  @Field(() => String, { nullable: true, description: 'German status label, e.g. "sehr niedrig" (Status).' })
  statusLabelDe!: string | null;

  @Field(() => String, { nullable: true, description: 'German need label, e.g. "sehr hoher Bedarf" (Bedarf).' })
  needLabelDe!: string | null;

  @Field(() => String, { nullable: true, description: 'English need label, e.g. "very high need".' })
  needLabelEn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Rank by S*, 1 = highest need; ties share the smallest rank (Rang).' })
  rank!: number | null;

  @Field(() => Float, { nullable: true, description: 'Dynamics index D_a (Dynamikindex); higher = worsening.' })
  dynamicsIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standardised dynamics index D*.' })
  dynamicsZ!: number | null;

  @Field(() => NeedDynamicsClass, { nullable: true, description: 'Dynamics class (Dynamikgruppe).' })
  dynamicsClass!: NeedDynamicsClass | null;

  @Field(() => AnalysisMissingReason, { nullable: true, description: 'Why the dynamics is null.' })
  dynamicsReason!: AnalysisMissingReason | null;

  @Field(() => String, { nullable: true, description: 'Detail, e.g. "sgb2_rate 2020".' })
  dynamicsReasonDetail!: string | null;

  @Field(() => CombinedNeedClass, { nullable: true, description: 'Combined class of status and dynamics (Gesamtklasse).' })
  combined!: CombinedNeedClass | null;

  @Field(() => [NeedComponentType], { description: 'Per indicator: value, base value, change, z and contribution (Komponenten).' })
  components!: NeedComponentType[];
}

@ObjectType('NeedIndexResult', { description: 'Need index (Bedarfsindex) of all areas of a level, after Berlin’s MSS.' })
export class NeedIndexResultType {
  @Field(() => AnalysisMethod, { description: 'Method (Methode).' })
  method!: AnalysisMethod;

  @Field(() => NeedIndexParameters, { description: 'Parameters used (Parameter).' })
  parameters!: NeedIndexParameters;

  @Field(() => [NeedIndicatorStats], { description: 'Mean and SD of each indicator over the included areas.' })
  indicatorStats!: NeedIndicatorStats[];

  @Field(() => DistributionStats, { description: 'Mean and SD of S before re-standardisation.' })
  statusIndexStats!: DistributionStats;

  @Field(() => DistributionStats, { description: 'Mean and SD of D before re-standardisation.' })
  dynamicsIndexStats!: DistributionStats;

  @Field(() => [CombinedNeedClass], { description: 'The 12 combined classes with their labels, for legends (Legende).' })
  classes!: CombinedNeedClass[];

  @Field(() => [NeedIndexArea], { description: 'One row per area of the level, ordered by official key.' })
  areas!: NeedIndexArea[];
}

// ---------------------------------------------------------------------------------------------
// Coverage

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
  areaId!: number;

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
}

// ---------------------------------------------------------------------------------------------
// Accessibility (E2SFCA)

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
  areaId!: number;

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
  areaId!: number;

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
}

// ---------------------------------------------------------------------------------------------
// Gaps

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
  areaId!: number;

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
}

// ---------------------------------------------------------------------------------------------
// Money

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
  areaId!: number;

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
  areaId!: number;

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
}

// ---------------------------------------------------------------------------------------------
// Early warning

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
  areaId!: number;

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
  areaId!: number;

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
}

// ---------------------------------------------------------------------------------------------
// Scenario

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
  areaId!: number;

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
  areaId!: number;
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
  areaId!: number;

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
}
