/**
 * Bedarfsindex (need index) in the manner of Berlin's Monitoring Soziale Stadtentwicklung (MSS;
 * Senatsverwaltung für Stadtentwicklung Berlin, gestuftes Indexverfahren: Status-Index, Dynamik-Index,
 * 4 × 3 = 12 combined classes "Gesamtindex Soziale Ungleichheit").
 *
 * Symbols (a = area, i = indicator, t = year, s = span in years):
 *   x_ia(t)   value of indicator i in area a, in the indicator's unit (e.g. % for rates)
 *   w_i > 0   weight (dimensionless);  σ_i(i) = +1 if HIGHER_IS_WORSE, −1 if HIGHER_IS_BETTER
 *   z_ia      = (x_ia(t) − x̄_i) / SD_i        x̄, SD over the included areas, SD = population SD (÷ n)
 *   S_a       = Σ_i w_i·σ_i·z_ia / Σ_i w_i     status index (higher = more need), in SD units
 *   S*_a      = (S_a − mean(S)) / SD(S)        standardised status index; classes are cut on S*
 *   Δ_ia      = x_ia(t) − x_ia(t−s)            change, in indicator units (percentage points for %)
 *   D_a, D*_a as S_a, S*_a with Δ_ia instead of x_ia(t)   (dynamics index; higher = worsening)
 *
 * Classes (default = preset MSS_2021, configurable; higher S* = more need = lower social status):
 *   status   S* < −1.0 → HIGH status (low need); −1.0 ≤ S* ≤ +1.0 → MEDIUM; +1.0 < S* ≤ +1.5 → LOW;
 *            S* > +1.5 → VERY_LOW status (very high need)
 *   dynamics D* < −1.0 → POSITIVE (improving); −1.0 ≤ D* ≤ +1.0 → STABLE; D* > +1.0 → NEGATIVE
 * Named presets (NEED_INDEX_PRESETS) bundle span and cut-offs with their source; explicit options
 * override the preset's values.
 * Areas with population < minPopulation (default 300) or any missing/suppressed indicator value in
 * year t are excluded from the standardisation and returned with `excluded: true` and the reason;
 * nothing is imputed. A missing value in year t−s leaves the status but nulls the dynamics.
 */
import { AnalysisInputError, assertFinite, assertInteger, assertNonNegative, assertNullableFinite, assertPositive, assertUnique } from './errors';
import { zScores } from './statistics';
import { key3, type Id, type MethodText, type MissingReason, type Observation, type Polarity } from './types';

export interface NeedArea {
  areaId: Id;
  /** residents in year t; null = unknown (area is excluded) */
  population: number | null;
}

export interface NeedIndicator {
  key: string;
  polarity: Polarity;
  weight: number;
}

/** Status classes from least to most need; the GraphQL enums are registered from these lists. */
export const STATUS_CLASSES = ['HIGH', 'MEDIUM', 'LOW', 'VERY_LOW'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const DYNAMICS_CLASSES = ['POSITIVE', 'STABLE', 'NEGATIVE'] as const;
export type DynamicsClass = (typeof DYNAMICS_CLASSES)[number];

export interface StatusCutoffs {
  /** S* below this → HIGH status */
  high: number;
  /** S* above this → LOW status */
  low: number;
  /** S* above this → VERY_LOW status */
  veryLow: number;
}

export const NEED_INDEX_PRESET_KEYS = ['MSS_2021', 'SOZIALATLAS_2025'] as const;
export type NeedIndexPresetKey = (typeof NEED_INDEX_PRESET_KEYS)[number];

export interface NeedIndexPreset {
  key: NeedIndexPresetKey;
  de: string;
  en: string;
  /** where the numbers come from, as a reader can look them up */
  source: string;
  span: number;
  minPopulation: number;
  statusCutoffs: StatusCutoffs;
  dynamicsCutoff: number;
}

/**
 * Named methods. Only presets whose cut-offs we could trace to a source are shipped (see
 * docs/methods.md for what was and was not verified, e.g. why Hamburg's Sozialmonitoring is not here).
 */
export const NEED_INDEX_PRESETS: Record<NeedIndexPresetKey, NeedIndexPreset> = {
  MSS_2021: {
    key: 'MSS_2021',
    de: 'Monitoring Soziale Stadtentwicklung Berlin 2021 (Statusgruppen ±1,0/+1,5, Dynamik ±1,0 Standardabweichungen, Spanne 2 Jahre)',
    en: 'Monitoring Soziale Stadtentwicklung Berlin 2021 (status ±1.0/+1.5, dynamics ±1.0 standard deviations, span 2 years)',
    source:
      'Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin: Monitoring Soziale Stadtentwicklung 2021, ' +
      'https://www.berlin.de/sen/sbw/stadtdaten/stadtwissen/monitoring-soziale-stadtentwicklung/',
    span: 2,
    minPopulation: 300,
    statusCutoffs: { high: -1.0, low: 1.0, veryLow: 1.5 },
    dynamicsCutoff: 1.0,
  },
  SOZIALATLAS_2025: {
    key: 'SOZIALATLAS_2025',
    de: 'Bisherige Sozialatlas-Vorgabe (Status wie MSS, Dynamik ±0,5 Standardabweichungen): trennt mehr Gebiete als positiv/negativ',
    en: 'Former Sozialatlas default (status as MSS, dynamics ±0.5 standard deviations): marks more areas improving/worsening',
    source: 'Sozialatlas, docs/methods.md (default until issue 13); not a published method',
    span: 2,
    minPopulation: 300,
    statusCutoffs: { high: -1.0, low: 1.0, veryLow: 1.5 },
    dynamicsCutoff: 0.5,
  },
};

export interface NeedIndexOptions {
  /** named method whose span, minimum population and cut-offs apply unless given here; default MSS_2021 */
  preset?: NeedIndexPresetKey;
  /** span s in years for the dynamics index; default 2 */
  span?: number;
  /** minimum population for inclusion; default 300 */
  minPopulation?: number;
  statusCutoffs?: StatusCutoffs;
  /** |D*| above this is POSITIVE/NEGATIVE; default 1.0 (MSS 2021) */
  dynamicsCutoff?: number;
}

export interface NeedIndexInput {
  year: number;
  areas: readonly NeedArea[];
  indicators: readonly NeedIndicator[];
  /** values for years t and t−s (other years are ignored) */
  values: readonly Observation[];
  options?: NeedIndexOptions;
}

export const NEED_INDEX_DEFAULT_PRESET: NeedIndexPresetKey = 'MSS_2021';

export const NEED_INDEX_DEFAULTS = {
  preset: NEED_INDEX_DEFAULT_PRESET,
  span: NEED_INDEX_PRESETS.MSS_2021.span,
  minPopulation: NEED_INDEX_PRESETS.MSS_2021.minPopulation,
  statusCutoffs: NEED_INDEX_PRESETS.MSS_2021.statusCutoffs,
  dynamicsCutoff: NEED_INDEX_PRESETS.MSS_2021.dynamicsCutoff,
} as const;

export const STATUS_LABELS: Record<StatusClass, { rank: 1 | 2 | 3 | 4; de: string; en: string; needDe: string; needEn: string }> = {
  HIGH: { rank: 1, de: 'hoch', en: 'high', needDe: 'geringer Bedarf', needEn: 'low need' },
  MEDIUM: { rank: 2, de: 'mittel', en: 'medium', needDe: 'mittlerer Bedarf', needEn: 'medium need' },
  LOW: { rank: 3, de: 'niedrig', en: 'low', needDe: 'hoher Bedarf', needEn: 'high need' },
  VERY_LOW: { rank: 4, de: 'sehr niedrig', en: 'very low', needDe: 'sehr hoher Bedarf', needEn: 'very high need' },
};

export const DYNAMICS_LABELS: Record<DynamicsClass, { sign: string; de: string; en: string }> = {
  POSITIVE: { sign: '+', de: 'positiv', en: 'improving' },
  STABLE: { sign: '±', de: 'stabil', en: 'stable' },
  NEGATIVE: { sign: '−', de: 'negativ', en: 'worsening' },
};

export interface CombinedClass {
  /** e.g. "VERY_LOW_NEGATIVE" */
  key: `${StatusClass}_${DynamicsClass}`;
  /** MSS-style code, e.g. "4 −" */
  code: string;
  de: string;
  en: string;
}

/** The 12 combined classes (4 status × 3 dynamics) with their labels. */
export const COMBINED_CLASSES: CombinedClass[] = (Object.keys(STATUS_LABELS) as StatusClass[]).flatMap((s) =>
  (Object.keys(DYNAMICS_LABELS) as DynamicsClass[]).map((d) => combinedClass(s, d)),
);

export function combinedClass(status: StatusClass, dynamics: DynamicsClass): CombinedClass {
  const s = STATUS_LABELS[status];
  const d = DYNAMICS_LABELS[dynamics];
  return {
    key: `${status}_${dynamics}`,
    code: `${s.rank} ${d.sign}`,
    de: `Status ${s.de}, Dynamik ${d.de}`,
    en: `${s.en} status, ${d.en}`,
  };
}

export function classifyStatus(sStar: number, cut: StatusCutoffs = NEED_INDEX_DEFAULTS.statusCutoffs): StatusClass {
  if (sStar > cut.veryLow) return 'VERY_LOW';
  if (sStar > cut.low) return 'LOW';
  if (sStar < cut.high) return 'HIGH';
  return 'MEDIUM';
}

export function classifyDynamics(dStar: number, cutoff: number = NEED_INDEX_DEFAULTS.dynamicsCutoff): DynamicsClass {
  if (dStar > cutoff) return 'NEGATIVE';
  if (dStar < -cutoff) return 'POSITIVE';
  return 'STABLE';
}

export interface NeedComponent {
  indicatorKey: string;
  polarity: Polarity;
  weight: number;
  /** x_ia(t); null if missing/suppressed */
  value: number | null;
  valueReason: MissingReason | null;
  /** x_ia(t−s) */
  baseValue: number | null;
  baseValueReason: MissingReason | null;
  /** Δ_ia = x(t) − x(t−s) */
  change: number | null;
  /** z_ia (unsigned); null for excluded areas */
  z: number | null;
  /** w_i·σ_i·z_ia / Σw: the part of S_a due to this indicator (the parts add up to S_a) */
  contribution: number | null;
  /** z of Δ_ia */
  changeZ: number | null;
  /** w_i·σ_i·z(Δ_ia) / Σw: the part of D_a */
  changeContribution: number | null;
}

export interface NeedAreaResult {
  areaId: Id;
  population: number | null;
  excluded: boolean;
  reason: MissingReason | null;
  /** e.g. the indicator that was missing */
  reasonDetail: string | null;
  /** S_a */
  statusIndex: number | null;
  /** S*_a, the value that is classified and ranked */
  statusZ: number | null;
  statusClass: StatusClass | null;
  /** 1 = highest need (largest S*); ties share the smallest rank */
  rank: number | null;
  /** D_a */
  dynamicsIndex: number | null;
  /** D*_a */
  dynamicsZ: number | null;
  dynamicsClass: DynamicsClass | null;
  dynamicsReason: MissingReason | null;
  dynamicsReasonDetail: string | null;
  combined: CombinedClass | null;
  components: NeedComponent[];
}

export interface IndicatorStats {
  key: string;
  n: number;
  mean: number | null;
  sd: number | null;
  /** SD = 0: the indicator does not discriminate; all z = 0 */
  constant: boolean;
  nChange: number;
  changeMean: number | null;
  changeSd: number | null;
  changeConstant: boolean;
}

export interface NeedIndexResult {
  method: MethodText;
  parameters: {
    /** the preset the defaults came from (explicit options may override some of its values) */
    preset: NeedIndexPresetKey;
    year: number;
    baseYear: number;
    span: number;
    minPopulation: number;
    statusCutoffs: StatusCutoffs;
    dynamicsCutoff: number;
    standardDeviation: 'population';
    indicators: NeedIndicator[];
  };
  indicatorStats: IndicatorStats[];
  /** mean and SD of S_a and D_a before re-standardisation */
  statusIndexStats: { n: number; mean: number | null; sd: number | null };
  dynamicsIndexStats: { n: number; mean: number | null; sd: number | null };
  areas: NeedAreaResult[];
}

export const NEED_INDEX_METHOD: MethodText = {
  de: 'Bedarfsindex nach dem Verfahren des Monitorings Soziale Stadtentwicklung Berlin: Indikatoren über die Gebiete z-standardisiert (Populations-Standardabweichung), nach Polung vorzeichenbereinigt, gewichtet gemittelt und erneut standardisiert; Dynamik aus der Veränderung über die Spanne.',
  en: 'Need index after Berlin’s Monitoring Soziale Stadtentwicklung: indicators z-standardised across areas (population SD), signed by polarity, weighted mean, re-standardised; dynamics from the change over the span.',
};

function sign(p: Polarity): 1 | -1 {
  return p === 'HIGHER_IS_WORSE' ? 1 : -1;
}

interface Cell {
  value: number | null;
  reason: MissingReason | null;
}

function readCell(map: Map<string, Observation>, areaId: Id, key: string, year: number): Cell {
  const o = map.get(key3(areaId, key, year));
  if (!o) return { value: null, reason: 'MISSING' };
  if (o.status === 'SUPPRESSED') return { value: null, reason: 'SUPPRESSED' };
  if (o.value === null) return { value: null, reason: 'MISSING' };
  return { value: o.value, reason: null };
}

function standardise(values: number[]): { mean: number | null; sd: number | null; z: number[]; constant: boolean } {
  if (values.length === 0) return { mean: null, sd: null, z: [], constant: false };
  return zScores(values);
}

/** 1 + the number of values greater than each ("1224" ranking), by binary search in a sorted copy. */
function competitionRanks(values: number[]): number[] {
  const desc = Float64Array.from(values).sort().reverse();
  return values.map((v) => {
    let lo = 0;
    let hi = desc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (desc[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + lo;
  });
}

export function computeNeedIndex(input: NeedIndexInput): NeedIndexResult {
  const { year, areas, indicators, values } = input;
  const presetKey = input.options?.preset ?? NEED_INDEX_DEFAULT_PRESET;
  const preset = NEED_INDEX_PRESETS[presetKey];
  if (!preset) throw new AnalysisInputError(`unknown preset ${String(presetKey)}`, 'options.preset');
  const span = input.options?.span ?? preset.span;
  const minPopulation = input.options?.minPopulation ?? preset.minPopulation;
  const statusCutoffs = input.options?.statusCutoffs ?? preset.statusCutoffs;
  const dynamicsCutoff = input.options?.dynamicsCutoff ?? preset.dynamicsCutoff;

  assertInteger(year, 'year');
  assertInteger(span, 'options.span', 1);
  assertNonNegative(minPopulation, 'options.minPopulation');
  assertNonNegative(dynamicsCutoff, 'options.dynamicsCutoff');
  assertFinite(statusCutoffs.high, 'options.statusCutoffs.high');
  assertFinite(statusCutoffs.low, 'options.statusCutoffs.low');
  assertFinite(statusCutoffs.veryLow, 'options.statusCutoffs.veryLow');
  if (!(statusCutoffs.high <= statusCutoffs.low && statusCutoffs.low <= statusCutoffs.veryLow)) {
    throw new AnalysisInputError('cut-offs must satisfy high ≤ low ≤ veryLow', 'options.statusCutoffs');
  }
  if (indicators.length === 0) throw new AnalysisInputError('at least one indicator is needed', 'indicators');
  assertUnique(indicators, (i) => i.key, 'indicator key');
  assertUnique(areas, (a) => String(a.areaId), 'areaId');
  indicators.forEach((ind, n) => {
    assertPositive(ind.weight, `indicators[${n}].weight`);
    if (ind.polarity !== 'HIGHER_IS_WORSE' && ind.polarity !== 'HIGHER_IS_BETTER') {
      throw new AnalysisInputError(
        `indicator "${ind.key}" has polarity ${String(ind.polarity)}; only HIGHER_IS_WORSE or HIGHER_IS_BETTER can enter a need index`,
        `indicators[${n}].polarity`,
      );
    }
  });
  areas.forEach((a, n) => {
    if (a.population !== null) assertNonNegative(a.population, `areas[${n}].population`);
  });

  const baseYear = year - span;
  const wanted = new Set(indicators.map((i) => i.key));
  const obs = new Map<string, Observation>();
  values.forEach((o, n) => {
    if (!wanted.has(o.indicatorKey) || (o.year !== year && o.year !== baseYear)) return;
    assertNullableFinite(o.value, `values[${n}].value`);
    const k = key3(o.areaId, o.indicatorKey, o.year);
    if (obs.has(k)) throw new AnalysisInputError(`duplicate value for area ${String(o.areaId)}, indicator ${o.indicatorKey}, year ${o.year}`, `values[${n}]`);
    obs.set(k, o);
  });

  const sumW = indicators.reduce((s, i) => s + i.weight, 0);

  // 1. inclusion
  const results: NeedAreaResult[] = areas.map((a) => {
    const components: NeedComponent[] = indicators.map((ind) => {
      const cur = readCell(obs, a.areaId, ind.key, year);
      const base = readCell(obs, a.areaId, ind.key, baseYear);
      return {
        indicatorKey: ind.key,
        polarity: ind.polarity,
        weight: ind.weight,
        value: cur.value,
        valueReason: cur.reason,
        baseValue: base.value,
        baseValueReason: base.reason,
        change: cur.value !== null && base.value !== null ? cur.value - base.value : null,
        z: null,
        contribution: null,
        changeZ: null,
        changeContribution: null,
      };
    });
    let reason: MissingReason | null = null;
    let reasonDetail: string | null = null;
    if (a.population === null) reason = 'POPULATION_MISSING';
    else if (a.population < minPopulation) {
      reason = 'BELOW_MIN_POPULATION';
      reasonDetail = `${a.population} < ${minPopulation}`;
    } else {
      const missing = components.find((c) => c.value === null);
      if (missing) {
        reason = missing.valueReason === 'SUPPRESSED' ? 'SUPPRESSED' : 'INDICATOR_MISSING';
        reasonDetail = missing.indicatorKey;
      }
    }
    let dynamicsReason: MissingReason | null = reason === null ? null : 'NOT_IN_INDEX';
    let dynamicsReasonDetail: string | null = null;
    if (reason === null) {
      const missingBase = components.find((c) => c.baseValue === null);
      if (missingBase) {
        dynamicsReason = missingBase.baseValueReason === 'SUPPRESSED' ? 'SUPPRESSED' : 'INDICATOR_MISSING';
        dynamicsReasonDetail = `${missingBase.indicatorKey} ${baseYear}`;
      }
    }
    return {
      areaId: a.areaId,
      population: a.population,
      excluded: reason !== null,
      reason,
      reasonDetail,
      statusIndex: null,
      statusZ: null,
      statusClass: null,
      rank: null,
      dynamicsIndex: null,
      dynamicsZ: null,
      dynamicsClass: null,
      dynamicsReason,
      dynamicsReasonDetail,
      combined: null,
      components,
    };
  });

  const included = results.filter((r) => !r.excluded);
  const withDynamics = included.filter((r) => r.dynamicsReason === null);

  // 2. standardise each indicator (status and change) across the included areas
  const indicatorStats: IndicatorStats[] = indicators.map((ind, i) => {
    const st = standardise(included.map((r) => r.components[i]!.value as number));
    included.forEach((r, n) => {
      const c = r.components[i]!;
      c.z = st.z[n]!;
      c.contribution = (ind.weight * sign(ind.polarity) * c.z) / sumW;
    });
    const ch = standardise(withDynamics.map((r) => r.components[i]!.change as number));
    withDynamics.forEach((r, n) => {
      const c = r.components[i]!;
      c.changeZ = ch.z[n]!;
      c.changeContribution = (ind.weight * sign(ind.polarity) * c.changeZ) / sumW;
    });
    return {
      key: ind.key,
      n: included.length,
      mean: st.mean,
      sd: st.sd,
      constant: st.constant,
      nChange: withDynamics.length,
      changeMean: ch.mean,
      changeSd: ch.sd,
      changeConstant: ch.constant,
    };
  });

  // 3. combine, re-standardise, classify
  for (const r of included) r.statusIndex = r.components.reduce((s, c) => s + (c.contribution as number), 0);
  const s = standardise(included.map((r) => r.statusIndex as number));
  const ranks = competitionRanks(s.z);
  included.forEach((r, n) => {
    r.statusZ = s.z[n]!;
    r.statusClass = classifyStatus(r.statusZ, statusCutoffs);
    r.rank = ranks[n]!;
  });
  for (const r of withDynamics) r.dynamicsIndex = r.components.reduce((acc, c) => acc + (c.changeContribution as number), 0);
  const d = standardise(withDynamics.map((r) => r.dynamicsIndex as number));
  withDynamics.forEach((r, n) => {
    r.dynamicsZ = d.z[n]!;
    r.dynamicsClass = classifyDynamics(r.dynamicsZ, dynamicsCutoff);
    r.combined = combinedClass(r.statusClass as StatusClass, r.dynamicsClass);
  });

  return {
    method: NEED_INDEX_METHOD,
    parameters: {
      preset: presetKey,
      year,
      baseYear,
      span,
      minPopulation,
      statusCutoffs: { ...statusCutoffs },
      dynamicsCutoff,
      standardDeviation: 'population',
      indicators: indicators.map((i) => ({ ...i })),
    },
    indicatorStats,
    statusIndexStats: { n: included.length, mean: s.mean, sd: s.sd },
    dynamicsIndexStats: { n: withDynamics.length, mean: d.mean, sd: d.sd },
    areas: results,
  };
}
