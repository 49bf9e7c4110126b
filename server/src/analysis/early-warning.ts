/**
 * Frühwarnsystem (early warning): rule-based alerts per area and indicator, each with the evidence
 * (years and values) that triggered it. Rule types follow the indicator-based early-warning
 * practice of social monitoring (e.g. MSS Berlin "Gebiete mit besonderem Aufmerksamkeitsbedarf");
 * the concrete defaults are ours and configurable.
 *
 * Symbols: x_a(t) value of area a in year t (indicator unit; percentage points for % indicators),
 *          c(t) city value, σ = +1 if HIGHER_IS_WORSE, −1 if HIGHER_IS_BETTER ("worse" = σ·difference > 0)
 *   threshold        σ·(x_a(t) − T) > 0
 *   worseThanCity    σ·(x_a(t) − c(t)) > m            (m in indicator units)  or
 *                    σ·(x_a(t) − c(t)) > m/100·|c(t)|  (m in % of the city value)
 *   worseningStreak  σ·(x_a(y) − x_a(y−1)) > 0 for every y = t−N+1 … t   (N consecutive years)
 *   fasterThanCity   σ·((x_a(t) − x_a(t−s)) − (c(t) − c(t−s))) > m     m in units, or m·SD of the
 *                    areas' changes Δ_a = x_a(t) − x_a(t−s) over the areas checked (population SD)
 * Precision of the source: published values are rounded to a step r (r_a for the area series, r_c
 * for the city series; derived from the data: the coarsest 10^−k all values are multiples of, or
 * given per indicator; 0 = unrounded). A rule fires only if it holds for every true value the
 * rounded ones allow, so the signal must exceed the rounding error first:
 *   threshold        σ·(x − T) − r_a/2 > 0
 *   worseThanCity    σ·(x − c) − (r_a + r_c)/2 > m
 *   worseningStreak  every published step worse, and σ·(x(t) − x(t−N)) − r_a > 0
 *   fasterThanCity   σ·(Δ_a − Δ_c) − (r_a + r_c) > m
 * Dynamics: if the caller passes the need index's dynamics classes, a development alert
 * (worseningStreak, fasterThanCity) in an area classed POSITIVE says why it is not a contradiction.
 * Missing or suppressed values never count as "no alert": the rule is reported as not evaluable.
 */
import { AnalysisInputError, assertFinite, assertInteger, assertNonNegative, assertNullableFinite } from './errors';
import { numberFormat } from './number-format';
import { populationSd } from './statistics';
import type { DynamicsClass } from './need-index';
import { key2, key3, type Id, type MethodText, type MissingReason, type Observation, type Polarity, type ValueStatus } from './types';

/**
 * The rule kinds by their GraphQL name (the value is the kind used here); the GraphQL enum is
 * registered from this object, so a kind is written once.
 */
export const EARLY_WARNING_RULE_KINDS = {
  THRESHOLD: 'threshold',
  WORSE_THAN_CITY: 'worseThanCity',
  WORSENING_STREAK: 'worseningStreak',
  FASTER_THAN_CITY: 'fasterThanCity',
} as const;
export type EarlyWarningRuleKind = (typeof EARLY_WARNING_RULE_KINDS)[keyof typeof EARLY_WARNING_RULE_KINDS];

/** How a margin is measured: in the indicator's unit, in % of the city value, or in SDs of the areas' changes. */
export const MARGIN_UNITS = ['UNITS', 'PERCENT_OF_CITY', 'SD_OF_AREAS'] as const;
export type MarginUnit = (typeof MARGIN_UNITS)[number];

export type EarlyWarningRule =
  | { kind: 'threshold'; indicatorKey: string; threshold: number }
  | { kind: 'worseThanCity'; indicatorKey: string; margin: number; marginUnit: 'UNITS' | 'PERCENT_OF_CITY' }
  | { kind: 'worseningStreak'; indicatorKey: string; years: number }
  | { kind: 'fasterThanCity'; indicatorKey: string; span: number; margin: number; marginUnit?: FasterMarginUnit };

/** UNITS: m in the indicator's unit; SD_OF_AREAS: m times the SD of the areas' changes over the span. */
export type FasterMarginUnit = 'UNITS' | 'SD_OF_AREAS';

export interface WarningIndicator {
  key: string;
  polarity: Polarity;
  /** German name used in messages, e.g. "SGB-II-Quote" */
  label?: string;
  /** unit text for messages, e.g. "%" or "Prozentpunkte" */
  unit?: string;
  /** English name and unit text for the English messages; default: the German ones */
  labelEn?: string;
  unitEn?: string;
  /**
   * Rounding step r of the published area values (e.g. 1 for whole percent); default: derived from
   * the data (`publishedResolution`). 0 = exact.
   */
  resolution?: number;
}

/** The need index's dynamics of an area (need-index.ts), so alerts can be read against it. */
export interface AreaDynamics {
  areaId: Id;
  dynamicsClass: DynamicsClass;
  /** D* */
  dynamicsZ: number | null;
  baseYear: number;
  year: number;
}

export interface CityObservation {
  indicatorKey: string;
  year: number;
  value: number | null;
  status?: ValueStatus;
}

export interface EarlyWarningInput {
  /** the year t the alerts are for */
  year: number;
  indicators: readonly WarningIndicator[];
  areaSeries: readonly Observation[];
  citySeries: readonly CityObservation[];
  rules: readonly EarlyWarningRule[];
  /** areas to check; default: every area in areaSeries */
  areas?: readonly Id[];
  /** dynamics classes of the need index, to explain alerts that seem to contradict them */
  dynamics?: readonly AreaDynamics[];
}

export interface Alert {
  areaId: Id;
  indicatorKey: string;
  rule: EarlyWarningRule;
  year: number;
  /** the years and area values that triggered the rule, oldest first */
  years: number[];
  values: number[];
  /** city values for the same years (city rules only) */
  cityValues: number[] | null;
  /** threshold rule: true when the previous year was not yet beyond the threshold */
  newlyCrossed: boolean | null;
  /** the signal after subtracting the rounding error, in the indicator's unit (how far beyond the margin) */
  excess: number;
  /** why a development alert in an area with dynamics "positiv" is not a contradiction; null otherwise */
  dynamicsNote: MethodText | null;
  message: string;
  /** the same in English (English number format) */
  messageEn: string;
}

/** Rounding steps and spreads the rules used, per indicator. */
export interface IndicatorPrecision {
  indicatorKey: string;
  /** r_a: rounding step of the area values */
  areaResolution: number;
  /** r_c: rounding step of the city values */
  cityResolution: number;
  /** given by the caller (true) or derived from the data (false) */
  given: boolean;
}

export interface NotEvaluated {
  areaId: Id;
  indicatorKey: string;
  rule: EarlyWarningRule;
  reason: MissingReason;
  /** e.g. "Gebiet 2022" or "Stadt 2024" */
  detail: string;
}

export interface EarlyWarningResult {
  method: MethodText;
  parameters: { year: number; rules: EarlyWarningRule[] };
  precision: IndicatorPrecision[];
  /** per fasterThanCity rule (by index in rules): SD of the areas' changes, the margin it gave */
  spreads: { rule: number; indicatorKey: string; span: number; n: number; sd: number | null; margin: number | null }[];
  alerts: Alert[];
  notEvaluated: NotEvaluated[];
}

/**
 * Default parameters (our choice, documented with their effect on Leipzig in docs/methods.md; not
 * taken from a norm). fasterThanCity: the area's change must exceed the city's by more than one SD
 * of the areas' changes — the same yardstick as the MSS dynamics cut-off (±1.0 SD) — over the same
 * span as the need index's dynamics (2 years).
 */
export const EARLY_WARNING_DEFAULTS = {
  worseThanCity: { margin: 25, marginUnit: 'PERCENT_OF_CITY' as const },
  worseningStreak: { years: 3 },
  fasterThanCity: { span: 2, margin: 1, marginUnit: 'SD_OF_AREAS' as const },
};

/**
 * Rounding step of published values: the coarsest 10^−k (k = 0 … 6) that every value is a multiple
 * of; 0 when the values carry more than 6 decimals (derived, unrounded), or when there are no
 * non-zero values. Steps coarser than 1 are not inferred: a few values that happen to be multiples
 * of 10 are no proof of rounding to tens (pass `resolution` for such sources).
 */
export function publishedResolution(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
  if (finite.length === 0) return 0;
  for (let k = 0; k <= 6; k++) {
    const scale = 10 ** k;
    if (finite.every((v) => Math.abs(v * scale - Math.round(v * scale)) <= 1e-9 * Math.max(1, Math.abs(v * scale)))) return 1 / scale;
  }
  return 0;
}

/** The default rules for the given indicators (a threshold rule needs a threshold, so none here). */
export function defaultEarlyWarningRules(indicatorKeys: readonly string[]): EarlyWarningRule[] {
  return indicatorKeys.flatMap((indicatorKey): EarlyWarningRule[] => [
    { kind: 'worseThanCity', indicatorKey, ...EARLY_WARNING_DEFAULTS.worseThanCity },
    { kind: 'worseningStreak', indicatorKey, ...EARLY_WARNING_DEFAULTS.worseningStreak },
    { kind: 'fasterThanCity', indicatorKey, ...EARLY_WARNING_DEFAULTS.fasterThanCity },
  ]);
}

export const EARLY_WARNING_METHOD: MethodText = {
  de: 'Frühwarnung: Regeln je Indikator (Schwellenwert, ungünstiger als die Stadt, Verschlechterung in Folge, Verschlechterung schneller als die Stadt um mehr als die Streuung der Gebiete); eine Abweichung innerhalb der Rundung der veröffentlichten Werte ist kein Signal; fehlende Werte werden nicht als unauffällig gewertet.',
  en: 'Early warning: rules per indicator (threshold, worse than the city, consecutive worsening, worsening faster than the city by more than the spread of the areas); a difference within the rounding of the published values is no signal; missing values are reported as not evaluable, never as no alert.',
};

const fmt = numberFormat('de-DE', { maximumFractionDigits: 2 });
const fmtSigned = (x: number) => (x > 0 ? '+' : '') + fmt(x);
const fmtEn = numberFormat('en-GB', { maximumFractionDigits: 2 });
// U+2212 for a negative change, as the map writes it
const fmtSignedEn = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + fmtEn(Math.abs(x));

type Read = { value: number; reason: null } | { value: null; reason: MissingReason };
function read(o: { value: number | null; status?: ValueStatus } | undefined): Read {
  if (!o) return { value: null, reason: 'MISSING' };
  if (o.status === 'SUPPRESSED') return { value: null, reason: 'SUPPRESSED' };
  if (o.value === null) return { value: null, reason: 'MISSING' };
  return { value: o.value, reason: null };
}

function validateRule(rule: EarlyWarningRule, n: number): void {
  const f = `rules[${n}]`;
  switch (rule.kind) {
    case 'threshold':
      return assertFinite(rule.threshold, `${f}.threshold`);
    case 'worseThanCity':
      assertNonNegative(rule.margin, `${f}.margin`);
      if (rule.marginUnit !== 'UNITS' && rule.marginUnit !== 'PERCENT_OF_CITY') throw new AnalysisInputError('marginUnit must be UNITS or PERCENT_OF_CITY', `${f}.marginUnit`);
      return;
    case 'worseningStreak':
      return assertInteger(rule.years, `${f}.years`, 1);
    case 'fasterThanCity':
      assertInteger(rule.span, `${f}.span`, 1);
      assertNonNegative(rule.margin, `${f}.margin`);
      if (rule.marginUnit !== undefined && rule.marginUnit !== 'UNITS' && rule.marginUnit !== 'SD_OF_AREAS') {
        throw new AnalysisInputError('marginUnit must be UNITS or SD_OF_AREAS', `${f}.marginUnit`);
      }
      return;
    default:
      throw new AnalysisInputError(`unknown rule kind ${String((rule as { kind: unknown }).kind)}`, `${f}.kind`);
  }
}

const fmtZ = numberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function dynamicsNote(d: AreaDynamics, label: string, labelEn: string): MethodText {
  const z = d.dynamicsZ === null ? '' : ` (D* = ${fmtZ(d.dynamicsZ)})`;
  const zEn = d.dynamicsZ === null ? '' : ` (D* = ${d.dynamicsZ.toFixed(2)})`;
  return {
    de:
      `Dynamik des Bedarfsindex ${d.baseYear}–${d.year} positiv${z}: Die Indexindikatoren zusammen haben sich gegenüber den anderen Gebieten verbessert. ` +
      `Diese Warnung betrifft nur den Indikator „${label}“, der sich gegen diesen Gesamttrend entwickelt.`,
    en:
      `Need-index dynamics ${d.baseYear}–${d.year} improving${zEn}: the index indicators together improved relative to the other areas. ` +
      `This alert concerns the indicator “${labelEn}” alone, which runs against that overall trend.`,
  };
}

export function evaluateEarlyWarning(input: EarlyWarningInput): EarlyWarningResult {
  const t = input.year;
  assertInteger(t, 'year');
  const indicators = new Map(input.indicators.map((i) => [i.key, i]));
  input.indicators.forEach((i, n) => {
    if (i.resolution !== undefined) assertNonNegative(i.resolution, `indicators[${n}].resolution`);
  });
  input.rules.forEach((rule, n) => {
    validateRule(rule, n);
    const ind = indicators.get(rule.indicatorKey);
    if (!ind) throw new AnalysisInputError(`unknown indicator ${rule.indicatorKey}`, `rules[${n}].indicatorKey`);
    if (ind.polarity === 'NEUTRAL') throw new AnalysisInputError(`indicator ${rule.indicatorKey} is NEUTRAL: "worse" is undefined`, `rules[${n}]`);
  });
  const area = new Map<string, Observation>();
  input.areaSeries.forEach((o, n) => {
    assertNullableFinite(o.value, `areaSeries[${n}].value`);
    const k = key3(o.areaId, o.indicatorKey, o.year);
    if (area.has(k)) throw new AnalysisInputError('duplicate area value', `areaSeries[${n}]`);
    area.set(k, o);
  });
  const city = new Map<string, CityObservation>();
  input.citySeries.forEach((o, n) => {
    assertNullableFinite(o.value, `citySeries[${n}].value`);
    const k = key2(o.indicatorKey, o.year);
    if (city.has(k)) throw new AnalysisInputError('duplicate city value', `citySeries[${n}]`);
    city.set(k, o);
  });
  const areaIds: Id[] = input.areas ? [...input.areas] : [...new Map(input.areaSeries.map((o) => [String(o.areaId), o.areaId])).values()];
  const dynamicsBy = new Map((input.dynamics ?? []).map((d) => [String(d.areaId), d]));

  // Rounding steps per indicator, from the values the rules can see (suppressed ones excluded).
  const used = [...new Set(input.rules.map((r) => r.indicatorKey))];
  const visible = (o: { value: number | null; status?: ValueStatus }) => o.status !== 'SUPPRESSED' && o.value !== null;
  const precision: IndicatorPrecision[] = used.map((key) => {
    const ind = indicators.get(key)!;
    const cityRes = publishedResolution(input.citySeries.filter((o) => o.indicatorKey === key && visible(o)).map((o) => o.value as number));
    if (ind.resolution !== undefined) return { indicatorKey: key, areaResolution: ind.resolution, cityResolution: cityRes, given: true };
    const areaRes = publishedResolution(input.areaSeries.filter((o) => o.indicatorKey === key && visible(o)).map((o) => o.value as number));
    return { indicatorKey: key, areaResolution: areaRes, cityResolution: cityRes, given: false };
  });
  const precisionOf = new Map(precision.map((p) => [p.indicatorKey, p]));

  // fasterThanCity with SD_OF_AREAS: the spread of the areas' changes over the span.
  const spreads: EarlyWarningResult['spreads'] = [];
  const marginOf = new Map<number, number>();
  input.rules.forEach((rule, n) => {
    if (rule.kind !== 'fasterThanCity') return;
    if ((rule.marginUnit ?? 'UNITS') === 'UNITS') {
      marginOf.set(n, rule.margin);
      return;
    }
    const changes: number[] = [];
    for (const areaId of areaIds) {
      const a0 = read(area.get(key3(areaId, rule.indicatorKey, t - rule.span)));
      const a1 = read(area.get(key3(areaId, rule.indicatorKey, t)));
      if (a0.value !== null && a1.value !== null) changes.push(a1.value - a0.value);
    }
    const sd = changes.length ? populationSd(changes) : null;
    const margin = sd === null ? null : rule.margin * sd;
    if (margin !== null) marginOf.set(n, margin);
    spreads.push({ rule: n, indicatorKey: rule.indicatorKey, span: rule.span, n: changes.length, sd, margin });
  });

  const alerts: Alert[] = [];
  const notEvaluated: NotEvaluated[] = [];

  // what a rule's sentences need, worked out once per rule rather than once per area and rule
  const wording = input.rules.map((rule) => {
    const ind = indicators.get(rule.indicatorKey)!;
    const { areaResolution: ra, cityResolution: rc } = precisionOf.get(rule.indicatorKey)!;
    const label = ind.label ?? ind.key;
    const unit = ind.unit ? ` ${ind.unit}` : '';
    // Differences of percentages are percentage points, not percent.
    const diffUnit = ind.unit === '%' ? ' Prozentpunkte' : unit;
    const unitEn = (ind.unitEn ?? ind.unit) ? ` ${ind.unitEn ?? ind.unit}` : '';
    // English counts the point: "1 percentage point", "1.1 percentage points"
    const diffEn = (n: number, text = fmtEn(n)) => `${text}${(ind.unitEn ?? ind.unit) === '%' ? (Math.abs(n) === 1 ? ' percentage point' : ' percentage points') : unitEn}`;
    return {
      ra, rc, label, unit, diffUnit, unitEn, diffEn,
      sigma: ind.polarity === 'HIGHER_IS_WORSE' ? 1 : -1,
      labelEn: ind.labelEn ?? label,
      rounding: (r: number) => (r > 0 ? ` zuzüglich Rundungsspielraum ${fmt(r)}${diffUnit}` : ''),
      roundingEn: (r: number) => (r > 0 ? ` plus rounding allowance ${diffEn(r)}` : ''),
    };
  });

  for (const areaId of areaIds) {
    input.rules.forEach((rule, ruleIdx) => {
      const { ra, rc, sigma, label, unit, diffUnit, labelEn, unitEn, diffEn, rounding, roundingEn } = wording[ruleIdx]!;
      const x = (y: number) => read(area.get(key3(areaId, rule.indicatorKey, y)));
      const c = (y: number) => read(city.get(key2(rule.indicatorKey, y)));
      const skip = (r: Read & { value: null }, who: 'Gebiet' | 'Stadt', y: number) =>
        notEvaluated.push({ areaId, indicatorKey: rule.indicatorKey, rule, reason: r.reason, detail: `${who} ${y}` });
      const base = { areaId, indicatorKey: rule.indicatorKey, rule, year: t };
      const dyn = dynamicsBy.get(String(areaId));
      const devNote = dyn && dyn.dynamicsClass === 'POSITIVE' ? dynamicsNote(dyn, label, labelEn) : null;
      const withNote = (msg: string, note: MethodText | null) => (note ? `${msg} Hinweis: ${note.de}` : msg);
      const withNoteEn = (msg: string, note: MethodText | null) => (note ? `${msg} Note: ${note.en}` : msg);

      if (rule.kind === 'threshold') {
        const now = x(t);
        if (now.value === null) return skip(now, 'Gebiet', t);
        const excess = sigma * (now.value - rule.threshold) - ra / 2;
        if (excess > 0) {
          const prev = x(t - 1);
          const newlyCrossed = prev.value === null ? null : !(sigma * (prev.value - rule.threshold) - ra / 2 > 0);
          const years = prev.value === null ? [t] : [t - 1, t];
          const values = prev.value === null ? [now.value] : [prev.value, now.value];
          alerts.push({
            ...base, years, values, cityValues: null, newlyCrossed, excess, dynamicsNote: null,
            message: `${label}: ${fmt(now.value)}${unit} im Jahr ${t} ${sigma > 0 ? 'über' : 'unter'} dem Schwellenwert ${fmt(rule.threshold)}${unit}${newlyCrossed ? ' (erstmals überschritten)' : ''}.`,
            messageEn: `${labelEn}: ${fmtEn(now.value)}${unitEn} in ${t}, ${sigma > 0 ? 'above' : 'below'} the threshold of ${fmtEn(rule.threshold)}${unitEn}${newlyCrossed ? ' (crossed for the first time)' : ''}.`,
          });
        }
      } else if (rule.kind === 'worseThanCity') {
        const now = x(t);
        const ct = c(t);
        if (now.value === null) return skip(now, 'Gebiet', t);
        if (ct.value === null) return skip(ct, 'Stadt', t);
        const diff = sigma * (now.value - ct.value);
        const allowed = rule.marginUnit === 'UNITS' ? rule.margin : (rule.margin / 100) * Math.abs(ct.value);
        const excess = diff - (ra + rc) / 2 - allowed;
        if (excess > 0) {
          const tol = rule.marginUnit === 'UNITS' ? `${fmt(rule.margin)}${diffUnit}` : `${fmt(rule.margin)} % des Stadtwerts`;
          const tolEn = rule.marginUnit === 'UNITS' ? diffEn(rule.margin) : `${fmtEn(rule.margin)} % of the city value`;
          alerts.push({
            ...base, years: [t], values: [now.value], cityValues: [ct.value], newlyCrossed: null, excess, dynamicsNote: null,
            message: `${label}: ${fmt(now.value)}${unit} im Jahr ${t}, Stadt ${fmt(ct.value)}${unit} – um ${fmt(diff)}${diffUnit} ungünstiger als die Stadt (Toleranz ${tol}${rounding((ra + rc) / 2)}).`,
            messageEn: `${labelEn}: ${fmtEn(now.value)}${unitEn} in ${t}, city ${fmtEn(ct.value)}${unitEn} – ${diffEn(diff)} worse than the city (tolerance ${tolEn}${roundingEn((ra + rc) / 2)}).`,
          });
        }
      } else if (rule.kind === 'worseningStreak') {
        const years = Array.from({ length: rule.years + 1 }, (_, i) => t - rule.years + i);
        const reads = years.map(x);
        const missing = reads.findIndex((r) => r.value === null);
        if (missing >= 0) return skip(reads[missing] as Read & { value: null }, 'Gebiet', years[missing]!);
        const v = reads.map((r) => r.value as number);
        const excess = sigma * (v[v.length - 1]! - v[0]!) - ra;
        if (v.slice(1).every((val, i) => sigma * (val - v[i]!) > 0) && excess > 0) {
          alerts.push({
            ...base, years, values: v, cityValues: null, newlyCrossed: null, excess, dynamicsNote: devNote,
            message: withNote(`${label}: ${rule.years} Jahre in Folge verschlechtert (${years.map((y, i) => `${y}: ${fmt(v[i]!)}`).join(', ')}).`, devNote),
            messageEn: withNoteEn(`${labelEn}: worse ${rule.years} years in a row (${years.map((y, i) => `${y}: ${fmtEn(v[i]!)}`).join(', ')}).`, devNote),
          });
        }
      } else {
        const t0 = t - rule.span;
        const reads: [Read, 'Gebiet' | 'Stadt', number][] = [[x(t0), 'Gebiet', t0], [x(t), 'Gebiet', t], [c(t0), 'Stadt', t0], [c(t), 'Stadt', t]];
        const miss = reads.find(([r]) => r.value === null);
        if (miss) return skip(miss[0] as Read & { value: null }, miss[1], miss[2]);
        const margin = marginOf.get(ruleIdx);
        if (margin === undefined) return; // no area has both years: nothing to compare with
        const [a0, a1, c0, c1] = reads.map(([r]) => r.value as number) as [number, number, number, number];
        const dA = a1 - a0;
        const dC = c1 - c0;
        const excess = sigma * (dA - dC) - (ra + rc) - margin;
        if (excess > 0) {
          const tol = (rule.marginUnit ?? 'UNITS') === 'UNITS'
            ? `${fmt(margin)}${diffUnit}`
            : `${fmt(rule.margin)} Standardabweichung${rule.margin === 1 ? '' : 'en'} der Veränderungen aller Gebiete = ${fmt(margin)}${diffUnit}`;
          const tolEn = (rule.marginUnit ?? 'UNITS') === 'UNITS'
            ? diffEn(margin)
            : `${fmtEn(rule.margin)} standard deviation${rule.margin === 1 ? '' : 's'} of all areas’ changes = ${diffEn(margin)}`;
          alerts.push({
            ...base, years: [t0, t], values: [a0, a1], cityValues: [c0, c1], newlyCrossed: null, excess, dynamicsNote: devNote,
            message: withNote(
              `${label}: Veränderung ${t0}–${t} im Gebiet ${fmtSigned(dA)}${diffUnit}, in der Stadt ${fmtSigned(dC)}${diffUnit} – ungünstigere Entwicklung als die Stadt (Toleranz ${tol}${rounding(ra + rc)}).`,
              devNote,
            ),
            messageEn: withNoteEn(
              `${labelEn}: change ${t0}–${t} in the area ${diffEn(dA, fmtSignedEn(dA))}, in the city ${diffEn(dC, fmtSignedEn(dC))} – a less favourable development than the city (tolerance ${tolEn}${roundingEn(ra + rc)}).`,
              devNote,
            ),
          });
        }
      }
    });
  }
  return { method: EARLY_WARNING_METHOD, parameters: { year: t, rules: input.rules.map((r) => ({ ...r })) }, precision, spreads, alerts, notEvaluated };
}
