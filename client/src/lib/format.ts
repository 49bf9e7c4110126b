// Number formatting for German (default) and English, with the unit of the indicator.
export type Locale = 'de' | 'en';
export type Unit = 'COUNT' | 'EUR' | 'EUR_PER_MONTH' | 'PERCENT' | 'PER_KM2' | 'PER_THOUSAND' | 'RATIO' | 'SQUARE_METRE' | 'YEARS';

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

export function formatNumber(value: number | null | undefined, locale: Locale = 'de', digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** "12,3 %", "1.234 € je Monat", "4.567" (counts carry no unit label). */
export function formatValue(value: number | null | undefined, unit: Unit | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = formatNumber(value, locale, digitsFor(unit, value));
  if (!unit || unit === 'COUNT' || unit === 'RATIO') return n;
  return `${n} ${unitLabel(unit, locale)}`;
}

/** A signed change, e.g. "+1,2" or "−0,5" (with a real minus sign). */
export function formatChange(value: number | null | undefined, unit: Unit | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = formatNumber(Math.abs(value), locale, digitsFor(unit, value));
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${n}`;
}

export function formatEuro(value: number | null | undefined, locale: Locale = 'de'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(TAG[locale], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/** Parses "12,5" (German) or "12.5" (English; also accepted in German as a decimal point). */
export function parseDecimal(text: string, locale: Locale = 'de'): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  const normalised = locale === 'de' ? (s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s) : s.replace(/,/g, '');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}
