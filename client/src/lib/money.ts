// Money in EUR as exact decimal strings ("12500.50"), the API's Decimal scalar. Never through a
// binary float: a planner's "12.500,50" must arrive as 12500.50, not 12500.499999….
import type { Locale } from './format';

export type MoneyParse = { ok: true; value: string } | { ok: false; reason: 'EMPTY' | 'FORMAT' | 'CENTS' | 'NEGATIVE' };

/** "12500", or grouped in threes: "12.500", "12 500" (German), "12,500" (English). */
function integerPart(text: string, separator: '.' | ','): string | null {
  if (/^\d+$/.test(text)) return text;
  const grouped = separator === '.' ? /^\d{1,3}(?:[.\s]\d{3})+$/ : /^\d{1,3}(?:[,\s]\d{3})+$/;
  return grouped.test(text) ? text.replace(/[.,\s]/g, '') : null;
}

/**
 * Reads an amount as people type it. German: "12.500,50", "12500,5", "12 500 €"; a lone point
 * with one or two decimals ("12.50") is read as a decimal point, a point before three digits
 * ("12.500") as a thousands separator. English: "12,500.50". At most two decimals (cents).
 */
export function parseMoney(input: string, locale: Locale = 'de'): MoneyParse {
  const s = input.trim().replace(/\u00a0/g, ' ').replace(/\s*(€|EUR)$/i, '').replace(/^(€|EUR)\s*/i, '').trim();
  if (!s) return { ok: false, reason: 'EMPTY' };
  if (/^[-−]/.test(s)) return { ok: false, reason: 'NEGATIVE' };
  let decimalMark: '.' | ',' = locale === 'de' ? ',' : '.';
  const thousands: '.' | ',' = decimalMark === ',' ? '.' : ',';
  // "12.50" in German, "12,50" in English: one mark before 1–2 digits is the decimal mark
  if (!s.includes(decimalMark) && new RegExp(`^\\d+\\${thousands}\\d{1,2}$`).test(s)) decimalMark = thousands;
  const parts = s.split(decimalMark);
  if (parts.length > 2) return { ok: false, reason: 'FORMAT' };
  const [whole, fraction = ''] = parts as [string, string?];
  const separator = decimalMark === ',' ? '.' : ',';
  const int = whole === '' && fraction ? '0' : integerPart(whole, separator);
  if (int === null || !/^\d*$/.test(fraction)) return { ok: false, reason: 'FORMAT' };
  if (parts.length === 2 && fraction === '') return { ok: false, reason: 'FORMAT' };
  if (fraction.length > 2) return { ok: false, reason: 'CENTS' };
  const normalisedInt = int.replace(/^0+(?=\d)/, '');
  return { ok: true, value: `${normalisedInt}.${fraction.padEnd(2, '0')}` };
}

/** "12500.5" → "12.500,50 €" (German) or "€12,500.50" (English), exactly, without floats. */
export function formatMoney(amount: string, locale: Locale = 'de'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, int, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  const cents = (fraction ?? '').padEnd(2, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'de' ? '.' : ',');
  return locale === 'de' ? `${sign}${grouped},${cents} €` : `${sign}€${grouped}.${cents}`;
}

/** The amount as a German or English input value ("12500.50" → "12.500,50"). */
export function moneyInput(amount: string, locale: Locale = 'de'): string {
  return formatMoney(amount, locale).replace(/\s?€/, '');
}
