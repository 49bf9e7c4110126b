import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  DYNAMICS_CLASSES,
  NEED_INDEX_PRESET_KEYS,
  STATUS_CLASSES,
  type DynamicsClass,
  type NeedIndexPresetKey,
  type StatusClass,
} from '../../../analysis';
import { enumFrom } from '../../common/enum';
import { AnalysisClassName, AnalysisMethod, AnalysisMissingReason, DistributionStats } from '../analysis.type';
import { type AreaId } from '../../areas/area-id';
import type { CityRow } from '../../cities/city.sql';

export const NeedStatusClass = enumFrom(STATUS_CLASSES);
export type NeedStatusClass = StatusClass;
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

export const NeedDynamicsClass = enumFrom(DYNAMICS_CLASSES);
export type NeedDynamicsClass = DynamicsClass;
registerEnumType(NeedDynamicsClass, {
  name: 'NeedDynamicsClass',
  description: 'Dynamics class (Dynamikgruppe), cut on the standardised dynamics index D* (higher D* = worsening).',
  valuesConfig: {
    POSITIVE: { description: 'Dynamik positiv: D* below −cut-off (default −0.5), the area improves relative to the others.' },
    STABLE: { description: 'Dynamik stabil: |D*| ≤ cut-off (default 0.5).' },
    NEGATIVE: { description: 'Dynamik negativ: D* above the cut-off (default +0.5), the area worsens relative to the others.' },
  },
});

export const NeedIndexPresetEnum = enumFrom(NEED_INDEX_PRESET_KEYS);
export type NeedIndexPresetEnum = NeedIndexPresetKey;
registerEnumType(NeedIndexPresetEnum, {
  name: 'NeedIndexPreset',
  description: 'Named need-index method with its cut-offs (Verfahren); docs/methods.md lists the sources.',
  valuesConfig: {
    MSS_2021: { description: 'Monitoring Soziale Stadtentwicklung Berlin 2021: status −1.0/+1.0/+1.5, dynamics ±1.0 SD, span 2 (default).' },
    SOZIALATLAS_2025: { description: 'Former Sozialatlas default: status as MSS 2021, dynamics ±0.5 SD; not a published method.' },
  },
});

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
  areaId!: AreaId;

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

  @Field(() => [AnalysisClassName], { description: 'Need names of the 4 status classes, least → most need (Legende), e.g. VERY_LOW "sehr hoher Bedarf".' })
  statusClasses!: AnalysisClassName[];

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

  /** the city asked for (undefined: the default city); read by the `unavailable` field */
  city?: CityRow;
}
