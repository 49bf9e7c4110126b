// Reading and checking the numbers planners type into the editing forms, in one place: what cannot
// be is refused (a problem at the field), what is possible but unusual is a warning the planner
// confirms before it is saved (1.000.000.000 € for one youth club, the year 2100, "12.50" read as
// 12,50 €). The server refuses the impossible as well; the warnings are the form's question.
import type { CapacityUnit } from '../../generated/graphql';
import type { Locale } from '../../lib/format';
import { parseDecimal } from '../../lib/numbers';
import { formatMoney, parseMoney } from '../../lib/money';
import type { EditTexts } from './texts';
import type { Problem } from './form';

/** A value to ask about; `key` carries the value, so a changed value is asked about again. */
export interface Warning {
  field: string;
  key: string;
  message: string;
}

export interface Reading<T> {
  value: T | null;
  problems: Problem[];
  warnings: Warning[];
}

/** More places than the largest day-care centres have: asked about, not refused. */
const MANY_PLACES = 1000;
/** A single funding row above this is asked about (a service; a provider's total may be larger). */
const LARGE_AMOUNT = { service: 5_000_000, provider: 50_000_000 } as const;
/** Budgets are planned a few years ahead (Doppelhaushalt, multi-year grants), not decades. */
const YEARS_AHEAD = 3;
/** The years the API accepts (server/src/modules/common/years.ts). */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** "60", "12,5" and, in German, "1.200" as grouped thousands: the one number parser (lib/numbers.ts). */
export const readNumber = (text: string, locale: Locale): number | null => parseDecimal(text, locale);

/** Longitude or latitude: a decimal point or comma, never grouped thousands. */
export const readCoordinate = (text: string, locale: Locale): number | null => parseDecimal(text, locale);

export function readCapacity(text: string, unit: CapacityUnit | '', locale: Locale, e: EditTexts): Reading<number> {
  const t = e.plausibility;
  if (!text.trim()) return { value: null, problems: [], warnings: [] };
  const value = readNumber(text, locale);
  if (value === null) return { value, problems: [{ field: 'svc-capacity', message: e.capacityFormat }], warnings: [] };
  if (value < 0) return { value, problems: [{ field: 'svc-capacity', message: t.capacityNegative }], warnings: [] };
  if ((unit === 'PLACES' || unit === 'CONTACTS_PER_YEAR') && !Number.isInteger(value)) {
    return { value, problems: [{ field: 'svc-capacity', message: t.capacityWhole(unit, text.trim()) }], warnings: [] };
  }
  if (unit === 'HOURS_PER_WEEK' && value > 168) return { value, problems: [{ field: 'svc-capacity', message: t.capacityWeek }], warnings: [] };
  const warnings = unit === 'PLACES' && value > MANY_PLACES ? [{ field: 'svc-capacity', key: `capacity:${value}`, message: t.manyPlaces(value, MANY_PLACES) }] : [];
  return { value, problems: [], warnings };
}

/** An amount in EUR as an exact decimal string ("12500.00"). */
export function readAmount(text: string, locale: Locale, recipient: 'service' | 'provider', e: EditTexts): Reading<string> {
  let amount = parseMoney(text, locale);
  const warnings: Warning[] = [];
  // The parser refuses a German "12.50" (an English "12,50"); the form reads it with the other
  // language's decimal mark and asks, with the reading shown, before it saves.
  if (!amount.ok && amount.reason === 'WRONG_DECIMAL_MARK') {
    const other = parseMoney(text, locale === 'de' ? 'en' : 'de');
    if (other.ok) {
      const typed = text.trim().replace(/\s*(€|EUR)$/i, '');
      warnings.push({ field: 'fund-amount', key: `mark:${typed}`, message: p(e).otherDecimalMark(typed, formatMoney(other.value, locale)) });
      amount = other;
    }
  }
  if (!amount.ok) return { value: null, problems: [{ field: 'fund-amount', message: e.amountProblems[amount.reason] }], warnings: [] };
  const limit = LARGE_AMOUNT[recipient];
  if (Number(amount.value) > limit) {
    warnings.push({ field: 'fund-amount', key: `large:${amount.value}`, message: p(e).largeAmount(formatMoney(amount.value, locale), formatMoney(String(limit), locale), recipient) });
  }
  return { value: amount.value, problems: [], warnings };
}

export function readFundingYear(text: string, e: EditTexts, now = new Date()): Reading<number> {
  const s = text.trim();
  if (!/^\d{4}$/.test(s)) return { value: null, problems: [{ field: 'fund-year', message: e.yearFormat }], warnings: [] };
  const year = Number(s);
  if (year < MIN_YEAR || year > MAX_YEAR) return { value: null, problems: [{ field: 'fund-year', message: p(e).yearRange(MIN_YEAR, MAX_YEAR) }], warnings: [] };
  const current = now.getFullYear();
  const warnings = year > current + YEARS_AHEAD ? [{ field: 'fund-year', key: `year:${year}`, message: p(e).farYear(year, current) }] : [];
  return { value: year, problems: [], warnings };
}

const p = (e: EditTexts) => e.plausibility;
