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
 *   fasterThanCity   σ·((x_a(t) − x_a(t−s)) − (c(t) − c(t−s))) > m
 * Missing or suppressed values never count as "no alert": the rule is reported as not evaluable.
 */
import { AnalysisInputError, assertFinite, assertInteger, assertNonNegative, assertNullableFinite } from './errors';
import { key2, key3, type Id, type MethodText, type MissingReason, type Observation, type Polarity, type ValueStatus } from './types';

export type EarlyWarningRule =
  | { kind: 'threshold'; indicatorKey: string; threshold: number }
  | { kind: 'worseThanCity'; indicatorKey: string; margin: number; marginUnit: 'UNITS' | 'PERCENT_OF_CITY' }
  | { kind: 'worseningStreak'; indicatorKey: string; years: number }
  | { kind: 'fasterThanCity'; indicatorKey: string; span: number; margin: number };

export interface WarningIndicator {
  key: string;
  polarity: Polarity;
  /** German name used in messages, e.g. "SGB-II-Quote" */
  label?: string;
  /** unit text for messages, e.g. "%" or "Prozentpunkte" */
  unit?: string;
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
  message: string;
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
  alerts: Alert[];
  notEvaluated: NotEvaluated[];
}

/** Default parameters (our choice, documented in docs/methods.md; not taken from a norm). */
export const EARLY_WARNING_DEFAULTS = {
  worseThanCity: { margin: 25, marginUnit: 'PERCENT_OF_CITY' as const },
  worseningStreak: { years: 3 },
  fasterThanCity: { span: 3, margin: 0 },
};

/** The default rules for the given indicators (a threshold rule needs a threshold, so none here). */
export function defaultEarlyWarningRules(indicatorKeys: readonly string[]): EarlyWarningRule[] {
  return indicatorKeys.flatMap((indicatorKey): EarlyWarningRule[] => [
    { kind: 'worseThanCity', indicatorKey, ...EARLY_WARNING_DEFAULTS.worseThanCity },
    { kind: 'worseningStreak', indicatorKey, ...EARLY_WARNING_DEFAULTS.worseningStreak },
    { kind: 'fasterThanCity', indicatorKey, ...EARLY_WARNING_DEFAULTS.fasterThanCity },
  ]);
}

export const EARLY_WARNING_METHOD: MethodText = {
  de: 'Frühwarnung: Regeln je Indikator (Schwellenwert, ungünstiger als die Stadt, Verschlechterung in Folge, Verschlechterung schneller als die Stadt); fehlende Werte werden nicht als unauffällig gewertet.',
  en: 'Early warning: rules per indicator (threshold, worse than the city, consecutive worsening, worsening faster than the city); missing values are reported as not evaluable, never as no alert.',
};

const fmt = (x: number) => x.toLocaleString('de-DE', { maximumFractionDigits: 2 });
const fmtSigned = (x: number) => (x > 0 ? '+' : '') + fmt(x);

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
      return assertNonNegative(rule.margin, `${f}.margin`);
    default:
      throw new AnalysisInputError(`unknown rule kind ${String((rule as { kind: unknown }).kind)}`, `${f}.kind`);
  }
}

export function evaluateEarlyWarning(input: EarlyWarningInput): EarlyWarningResult {
  const t = input.year;
  assertInteger(t, 'year');
  const indicators = new Map(input.indicators.map((i) => [i.key, i]));
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

  const alerts: Alert[] = [];
  const notEvaluated: NotEvaluated[] = [];

  for (const areaId of areaIds) {
    for (const rule of input.rules) {
      const ind = indicators.get(rule.indicatorKey)!;
      const sigma = ind.polarity === 'HIGHER_IS_WORSE' ? 1 : -1;
      const label = ind.label ?? ind.key;
      const unit = ind.unit ? ` ${ind.unit}` : '';
      // Differences of percentages are percentage points, not percent.
      const diffUnit = ind.unit === '%' ? ' Prozentpunkte' : unit;
      const x = (y: number) => read(area.get(key3(areaId, rule.indicatorKey, y)));
      const c = (y: number) => read(city.get(key2(rule.indicatorKey, y)));
      const skip = (r: Read & { value: null }, who: 'Gebiet' | 'Stadt', y: number) =>
        notEvaluated.push({ areaId, indicatorKey: rule.indicatorKey, rule, reason: r.reason, detail: `${who} ${y}` });
      const base = { areaId, indicatorKey: rule.indicatorKey, rule, year: t };

      if (rule.kind === 'threshold') {
        const now = x(t);
        if (now.value === null) { skip(now, 'Gebiet', t); continue; }
        if (sigma * (now.value - rule.threshold) > 0) {
          const prev = x(t - 1);
          const newlyCrossed = prev.value === null ? null : !(sigma * (prev.value - rule.threshold) > 0);
          const years = prev.value === null ? [t] : [t - 1, t];
          const values = prev.value === null ? [now.value] : [prev.value, now.value];
          alerts.push({
            ...base, years, values, cityValues: null, newlyCrossed,
            message: `${label}: ${fmt(now.value)}${unit} im Jahr ${t} ${sigma > 0 ? 'über' : 'unter'} dem Schwellenwert ${fmt(rule.threshold)}${unit}${newlyCrossed ? ' (erstmals überschritten)' : ''}.`,
          });
        }
      } else if (rule.kind === 'worseThanCity') {
        const now = x(t);
        const ct = c(t);
        if (now.value === null) { skip(now, 'Gebiet', t); continue; }
        if (ct.value === null) { skip(ct, 'Stadt', t); continue; }
        const diff = sigma * (now.value - ct.value);
        const allowed = rule.marginUnit === 'UNITS' ? rule.margin : (rule.margin / 100) * Math.abs(ct.value);
        if (diff > allowed) {
          const tol = rule.marginUnit === 'UNITS' ? `${fmt(rule.margin)}${diffUnit}` : `${fmt(rule.margin)} % des Stadtwerts`;
          alerts.push({
            ...base, years: [t], values: [now.value], cityValues: [ct.value], newlyCrossed: null,
            message: `${label}: ${fmt(now.value)}${unit} im Jahr ${t}, Stadt ${fmt(ct.value)}${unit} – um ${fmt(diff)}${diffUnit} ungünstiger als die Stadt (Toleranz ${tol}).`,
          });
        }
      } else if (rule.kind === 'worseningStreak') {
        const years = Array.from({ length: rule.years + 1 }, (_, i) => t - rule.years + i);
        const reads = years.map(x);
        const missing = reads.findIndex((r) => r.value === null);
        if (missing >= 0) { skip(reads[missing] as Read & { value: null }, 'Gebiet', years[missing]!); continue; }
        const v = reads.map((r) => r.value as number);
        if (v.slice(1).every((val, i) => sigma * (val - v[i]!) > 0)) {
          alerts.push({
            ...base, years, values: v, cityValues: null, newlyCrossed: null,
            message: `${label}: ${rule.years} Jahre in Folge verschlechtert (${years.map((y, i) => `${y}: ${fmt(v[i]!)}`).join(', ')}).`,
          });
        }
      } else {
        const t0 = t - rule.span;
        const reads: [Read, 'Gebiet' | 'Stadt', number][] = [[x(t0), 'Gebiet', t0], [x(t), 'Gebiet', t], [c(t0), 'Stadt', t0], [c(t), 'Stadt', t]];
        const miss = reads.find(([r]) => r.value === null);
        if (miss) { skip(miss[0] as Read & { value: null }, miss[1], miss[2]); continue; }
        const [a0, a1, c0, c1] = reads.map(([r]) => r.value as number) as [number, number, number, number];
        const dA = a1 - a0;
        const dC = c1 - c0;
        if (sigma * (dA - dC) > rule.margin) {
          alerts.push({
            ...base, years: [t0, t], values: [a0, a1], cityValues: [c0, c1], newlyCrossed: null,
            message: `${label}: Veränderung ${t0}–${t} im Gebiet ${fmtSigned(dA)}${diffUnit}, in der Stadt ${fmtSigned(dC)}${diffUnit} – ungünstigere Entwicklung als die Stadt (Toleranz ${fmt(rule.margin)}${diffUnit}).`,
          });
        }
      }
    }
  }
  return { method: EARLY_WARNING_METHOD, parameters: { year: t, rules: input.rules.map((r) => ({ ...r })) }, alerts, notEvaluated };
}
