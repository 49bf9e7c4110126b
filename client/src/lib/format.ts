// Number formatting for German (default) and English, with the unit of the indicator.
import type { IndicatorUnit } from '../generated/graphql';

export type Locale = 'de' | 'en';
/** The API's indicator units (generated from the SDL: a new unit fails the build until it has labels). */
export type Unit = IndicatorUnit;

const TAG: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const UNIT_LABEL: Record<Locale, Record<Unit, string>> = {
  de: { COUNT: 'Anzahl', EUR: '€', EUR_PER_MONTH: '€ je Monat', PERCENT: '%', PER_KM2: 'je km²', PER_THOUSAND: 'je 1.000', RATIO: 'Verhältnis', SQUARE_METRE: 'm²', YEARS: 'Jahre' },
  en: { COUNT: 'count', EUR: '€', EUR_PER_MONTH: '€ per month', PERCENT: '%', PER_KM2: 'per km²', PER_THOUSAND: 'per 1,000', RATIO: 'ratio', SQUARE_METRE: 'm²', YEARS: 'years' },
};

export function unitLabel(unit: Unit, locale: Locale = 'de'): string {
  return UNIT_LABEL[locale][unit] ?? unit;
}

/** Decimal places that suit the unit (counts whole, rates with one decimal). */
export function digitsFor(unit: Unit | undefined, value?: number): number {
  if (unit === 'COUNT' || unit === 'EUR' || unit === 'EUR_PER_MONTH' || unit === 'PER_KM2' || unit === 'SQUARE_METRE') return 0;
  if (value !== undefined && Math.abs(value) >= 1000) return 0;
  return 1;
}

/** Negative numbers carry a real minus sign (U+2212), as the signed changes do: one sign everywhere. */
export function formatNumber(value: number | null | undefined, locale: Locale = 'de', digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value).replace(/^-/, '−');
}

/** The number alone, digits by unit, no unit label (legend classes: the unit stands in the title). */
export function formatBare(value: number | null | undefined, unit: Unit | undefined, locale: Locale = 'de'): string {
  return formatNumber(value, locale, digitsFor(unit, value ?? undefined));
}

/** "12,3 %", "1.234 € je Monat", "4.567" (counts carry no unit label). */
export function formatValue(value: number | null | undefined, unit: Unit | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = formatNumber(value, locale, digitsFor(unit, value));
  if (!unit || unit === 'COUNT' || unit === 'RATIO') return n;
  return `${n} ${unitLabel(unit, locale)}`;
}

/**
 * The unit of a difference: a change of a percentage is in percentage points (1 Prozentpunkt,
 * 2 Prozentpunkte), every other unit stays what it is.
 */
export function changeUnitLabel(unit: Unit, locale: Locale = 'de', value?: number): string {
  if (unit !== 'PERCENT') return unitLabel(unit, locale);
  const one = value !== undefined && Math.abs(value) === 1;
  if (locale === 'en') return one ? 'percentage point' : 'percentage points';
  return one ? 'Prozentpunkt' : 'Prozentpunkte';
}

/** A signed change, e.g. "+1,2" or "−0,5" (with a real minus sign); `withUnit`: "−7 Prozentpunkte". */
export function formatChange(value: number | null | undefined, unit: Unit | undefined, locale: Locale = 'de', withUnit = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = digitsFor(unit, value);
  const n = formatNumber(Math.abs(value), locale, digits);
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  if (!withUnit || !unit || unit === 'COUNT' || unit === 'RATIO') return `${sign}${n}`;
  // singular or plural as the reader sees the rounded number
  return `${sign}${n} ${changeUnitLabel(unit, locale, Number(Math.abs(value).toFixed(digits)))}`;
}

export function formatEuro(value: number | null | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(TAG[locale], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/** "Quelle: …" unless the attribution names itself a source already ("Datenquelle: …", "Demo-Daten …"). */
export function sourceLine(attribution: string, label: string): string {
  return /^(Datenquelle|Quelle|Source|Demo-Daten)\b/i.test(attribution.trim()) ? attribution : `${label}: ${attribution}`;
}

/** The name to show: the English one in English mode where there is one, else the German. */
export function localName(x: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && x.nameEn ? x.nameEn : x.name;
}
